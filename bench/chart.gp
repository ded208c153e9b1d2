# Throughput (left axis) and p99 latency (right axis, log) against concurrent clients.
set terminal pngcairo size 900,500 font ",10"
set output outfile
set title "Ringproof on Payara Server + PostgreSQL (closed loop, wrk)"
set xlabel "concurrent clients"
set logscale x 2
set xrange [0.8:80]
set xtics (1, 2, 4, 8, 16, 32, 64)
set ylabel "throughput (req/s)"
set y2label "p99 latency (ms)"
set logscale y2
set y2tics
set ytics nomirror
set yrange [0:*]
set key top left
set grid
plot datafile using 1:2 with linespoints lw 2 lc rgb "#1f77b4" title "start req/s", \
     datafile using 1:3 with linespoints lw 2 lc rgb "#2ca02c" title "check req/s", \
     datafile using 1:4 with linespoints lw 2 lc rgb "#7f7f7f" title "baseline req/s", \
     datafile using 1:5 axes x1y2 with linespoints dt 2 lc rgb "#1f77b4" title "start p99", \
     datafile using 1:6 axes x1y2 with linespoints dt 2 lc rgb "#2ca02c" title "check p99", \
     datafile using 1:7 axes x1y2 with linespoints dt 2 lc rgb "#7f7f7f" title "baseline p99"
