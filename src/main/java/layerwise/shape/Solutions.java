package layerwise.shape;

import java.util.List;

/**
 * What {@link Solve} found: the settings that give the wanted shape, simplest first; or, when none
 * can, the reason and the nearest settings that work.
 */
public final class Solutions {
    private final String question;
    private final List<Proposal> proposals;
    private final String reason;
    private final List<Proposal> nearest;

    private Solutions(String question, List<Proposal> proposals, String reason, List<Proposal> nearest) {
        this.question = question;
        this.proposals = List.copyOf(proposals);
        this.reason = reason;
        this.nearest = List.copyOf(nearest);
    }

    static Solutions found(String question, List<Proposal> proposals) {
        return new Solutions(question, proposals, null, List.of());
    }

    static Solutions impossible(String question, String reason, List<Proposal> nearest) {
        return new Solutions(question, List.of(), reason, nearest);
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
            sb.append(": ").append(proposals.size()).append(proposals.size() == 1 ? " setting" : " settings")
                    .append(proposals.size() > 1 ? ", simplest first" : "").append('\n');
            list(sb, proposals);
        } else {
            sb.append(": impossible\nWhy: ").append(reason.replace("\n", "\n     ")).append('\n');
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
