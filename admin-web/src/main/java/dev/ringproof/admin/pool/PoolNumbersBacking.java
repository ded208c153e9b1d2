package dev.ringproof.admin.pool;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.numberpool.boundary.NumberPools;
import dev.ringproof.numberpool.boundary.NumberPools.NumberRange;
import dev.ringproof.numberpool.boundary.NumberPools.PoolView;
import dev.ringproof.numberpool.control.NumbersCsv;
import dev.ringproof.numberpool.entity.PoolRange;
import dev.ringproof.platform.boundary.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/** pools/numbers.xhtml: a pool's ranges; add a number or range, import a CSV file, remove a number. */
@Named
@RequestScoped
public class PoolNumbersBacking {

    /** The same cap as the admin API's CSV import. */
    static final int MAX_CSV_LINES = 1000;

    @EJB
    NumberPools pools;

    private String id;
    private String from;
    private String to;
    private String removeNumber;
    private UploadedFile csv;
    private PoolView pool;

    @ShowsRefusals(notFound = true)
    public void load() {
        pools.find(id);
    }

    @ShowsRefusals(@Input(field = "numbers", id = "add:from"))
    public void add() {
        changed(pools.add(id, List.of(new NumberRange(from, to == null || to.isBlank() ? from : to))));
    }

    @ShowsRefusals({@Input(field = "csv", id = "import:csv"), @Input(field = "numbers", id = "import:csv")})
    public void importCsv() {
        if (csv == null || csv.getSize() == 0) {
            throw Refusal.invalid("csv", "choose a CSV file");
        }
        String text = new String(csv.getContent(), StandardCharsets.UTF_8);
        changed(pools.add(id, NumbersCsv.read(text, MAX_CSV_LINES)));
    }

    @ShowsRefusals(@Input(field = "number", id = "remove:number"))
    public void remove() {
        changed(pools.remove(id, removeNumber));
    }

    private void changed(PoolView view) {
        pool = view;
        RefusalMessages.info("The pool now holds " + view.size() + " numbers, " + view.usableNumbers()
                + " of them in whole blocks of 10 000 (usable for 4-digit codes).");
    }

    public PoolView getPool() {
        if (pool == null) {
            pool = pools.find(id);
        }
        return pool;
    }

    public List<PoolRange> getRanges() {
        return pools.ranges(id, 0, 500);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getRemoveNumber() {
        return removeNumber;
    }

    public void setRemoveNumber(String removeNumber) {
        this.removeNumber = removeNumber;
    }

    public UploadedFile getCsv() {
        return csv;
    }

    public void setCsv(UploadedFile csv) {
        this.csv = csv;
    }
}
