package layerwise.grade;

/**
 * Learner-controlled text (names, exception messages) made safe for the reports' markup: the JUnit XML and the
 * class page's HTML. Markup characters are escaped, and characters the format forbids are dropped: whatever a
 * learner's exception says, the report stays well-formed. A valid surrogate pair (a character beyond U+FFFF,
 * an emoji) is kept; a lone surrogate, U+FFFE and U+FFFF never are.
 */
public final class Markup {
    private Markup() {
    }

    /**
     * XML 1.0 attribute or text: line breaks and tabs as character references (so an attribute keeps them), and
     * the C0 controls other than those dropped.
     */
    public static String xml(String s) {
        return escape(s, false);
    }

    /** HTML text or a quoted attribute: line breaks kept as they are, C0 and C1 controls dropped. */
    public static String html(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean html) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append(html ? "&#39;" : "&apos;");
                case '\n' -> sb.append(html ? "\n" : "&#10;");
                case '\r' -> sb.append(html ? "\n" : "&#13;");
                case '\t' -> sb.append(html ? "\t" : "&#9;");
                default -> {
                    boolean control = c < 0x20 || html && c >= 0x7F && c <= 0x9F;
                    if (!control && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
