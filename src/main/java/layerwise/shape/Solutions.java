package layerwise.shape;

import java.util.List;

/**
 * What {@link Solve} found: the settings that give the wanted shape, simplest first; or, when none
 * can, the reason and the nearest settings that work.
 */
public final class Solutions {
    private final String question;
    private final List<Proposal> proposals;
    private final int total;
    private final String reason;
    private final String range;
    private final List<Proposal> nearest;

    private Solutions(String question, List<Proposal> proposals, int total, String reason, String range, List<Proposal> nearest) {
        this.question = question;
        this.proposals = List.copyOf(proposals);
        this.total = total;
        this.reason = reason;
        this.range = range;
        this.nearest = List.copyOf(nearest);
    }

    static Solutions found(String question, List<Proposal> proposals) {
        return found(question, proposals, proposals.size());
    }

    /** {@code total} settings give the shape; {@code proposals} are the simplest of them, checked. */
    static Solutions found(String question, List<Proposal> proposals, int total) {
        return new Solutions(question, proposals, Math.max(total, proposals.size()), null, null, List.of());
    }

    /** No setting at all gives the shape. */
    static Solutions impossible(String question, String reason, List<Proposal> nearest) {
        return new Solutions(question, List.of(), 0, reason, null, nearest);
    }

    /**
     * No setting within the searched {@code range} (e.g. "kernel_size ≤ 11, ...") gives the shape, but
     * one outside it might: the answer must not claim more than the search showed.
     */
    static Solutions noneInRange(String question, String reason, String range, List<Proposal> nearest) {
        return new Solutions(question, List.of(), 0, reason, range, nearest);
    }

    public boolean possible() {
        return reason == null;
    }

    /** The settings that give exactly the wanted shape, simplest first; empty when impossible. */
    public List<Proposal> proposals() {
        return proposals;
    }

    /** The first (simplest) proposal; when there is none, an error with the reason. */
    public Proposal first() {
        if (proposals.isEmpty()) throw new IllegalStateException(question + " is impossible: " + reason);
        return proposals.get(0);
    }

    /** How many settings give the wanted shape (the proposals are the simplest of them); 0 when none do. */
    public int total() {
        return total;
    }

    /** Whether no setting can give the shape at all, rather than none in the solver's searched range. */
    public boolean impossible() {
        return reason != null && range == null;
    }

    /** Why no setting gives the wanted shape; null when some do. */
    public String reason() {
        return reason;
    }

    /** When impossible: working settings that come closest (another value of a fixed setting, or the nearest shape). */
    public List<Proposal> nearest() {
        return nearest;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(question);
        if (possible()) {
            if (proposals.isEmpty()) {
                sb.append(": ").append(Names.count(total)).append(total == 1 ? " setting in the searched range gives"
                        : " settings in the searched range give").append(" the shape, but none passed the check on"
                        + " a sample\n");
            } else if (total > proposals.size()) {
                sb.append(proposals.size() == 1 ? ": the simplest" : ": the " + proposals.size() + " simplest")
                        .append(" of ").append(Names.count(total)).append(" settings in the searched range\n");
            } else {
                sb.append(": ").append(proposals.size()).append(proposals.size() == 1 ? " setting" : " settings")
                        .append(proposals.size() > 1 ? ", simplest first" : "").append('\n');
            }
            list(sb, proposals);
        } else {
            sb.append(range == null ? ": impossible" : ": none within the searched range (" + range + ")").append("\nWhy: ").append(reason.replace("\n", "\n     ")).append('\n');
            if (!nearest.isEmpty()) {
                sb.append("Nearest that works:\n");
                list(sb, nearest);
            }
        }
        return sb.toString().stripTrailing();
    }

    private static void list(StringBuilder sb, List<Proposal> ps) {
        for (int i = 0; i < ps.size(); i++) sb.append(i + 1).append(". ").append(ps.get(i)).append('\n');
    }
}
