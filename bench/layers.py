"""Where the server's CPU went, by layer, from a Flight Recorder file's execution samples.

    python3 bench/layers.py START.jfr [BASELINE.jfr]   -> a Markdown table on stdout, a column per file

Each sample counts for the layer of the frame nearest its top (the running method) that belongs to
a known layer, so a JDK method (a HashMap look-up, a string copy) counts for whoever called it.
"""
import json
import subprocess
import sys
from collections import Counter

LAYERS = [
    ("PostgreSQL JDBC driver", ("org.postgresql.",)),
    ("EclipseLink (JPA)", ("org.eclipse.persistence.",)),
    ("Payara's tracing hooks (tracing off)", ("fish.payara.opentracing.", "fish.payara.microprofile.telemetry.",
                                              "io.opentelemetry.", "fish.payara.nucleus.requesttracing.")),
    ("JTA transactions", ("com.sun.enterprise.transaction.", "com.sun.jts.", "org.glassfish.transaction.")),
    ("EJB container (interceptors, security, pools)", ("com.sun.ejb.", "org.glassfish.ejb.", "com.sun.enterprise.security.",
                                                        "org.glassfish.security.", "com.sun.enterprise.resource.", "com.sun.gjc.",
                                                        "org.glassfish.api.invocation.", "org.glassfish.internal.api.",
                                                        "com.sun.enterprise.container.", "org.glassfish.weld.",
                                                        "com.sun.enterprise.deployment.")),
    ("CDI (Weld)", ("org.jboss.weld.",)),
    ("HK2 service look-ups", ("org.jvnet.hk2.", "org.glassfish.hk2.")),
    ("JAX-RS (Jersey)", ("org.glassfish.jersey.",)),
    ("HTTP and servlets (Grizzly, Catalina)", ("org.glassfish.grizzly.", "org.apache.catalina.", "org.apache.coyote.",
                                                "com.sun.enterprise.web.", "org.glassfish.web.")),
    ("JSON (Parsson, Yasson)", ("org.eclipse.parsson.", "org.eclipse.yasson.")),
    ("libphonenumber", ("com.google.i18n.",)),
    ("JMS (OpenMQ)", ("com.sun.messaging.",)),
    ("MicroProfile (metrics, fault tolerance, config)", ("fish.payara.microprofile.", "io.smallrye.", "org.eclipse.microprofile.")),
    ("Ringproof's own code", ("dev.ringproof.",)),
]
OTHER = "JDK alone (threads, timers, I/O)"


def layer(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        for title, prefixes in LAYERS:
            if name.startswith(prefixes):
                return title
    return OTHER


def shares(path):
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "128", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    counts = Counter(layer(e["values"]["stackTrace"]["frames"]) for e in events if e["values"].get("stackTrace"))
    return counts, sum(counts.values())


def main(paths):
    columns = [shares(path) for path in paths]
    names = ["start", "baseline"][: len(paths)]
    print("| layer | " + " | ".join(f"{name} ({total} samples)" for name, (_, total) in zip(names, columns)) + " |")
    print("|---|" + "---:|" * len(columns))
    titles = [title for title, _ in columns[0][0].most_common()]
    titles += [title for counts, _ in columns[1:] for title in counts if title not in titles]
    for title in titles:
        print(f"| {title} | " + " | ".join(f"{100 * counts[title] / max(total, 1):.1f} %" for counts, total in columns) + " |")


if __name__ == "__main__":
    main(sys.argv[1:3])
