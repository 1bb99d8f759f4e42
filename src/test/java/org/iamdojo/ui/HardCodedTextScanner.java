package org.iamdojo.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds user-visible text written straight into view code: string literals with letters passed to text
 * setters, text-taking constructors, notifications and {@code @PageTitle}, plus any literal with Hangul.
 */
final class HardCodedTextScanner {

    /** One hard-coded text: where it is and what it says. */
    record Finding(String file, int line, String literal) {
        @Override
        public String toString() {
            return file + ":" + line + ": hard-coded text \"" + literal + "\" (use getTranslation)";
        }
    }

    private static final String LITERAL = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern TEXT_CALL = Pattern.compile(
            "(?:\\.|\\b)(?:setText|setLabel|setTitle|setPlaceholder|setHelperText|setErrorMessage|setAriaLabel"
                    + "|setTooltipText|setHeader|setHeaderText|setFooter|setConfirmText|setCancelText|setRejectText"
                    + "|setSubmit|setUsername|setPassword|setForgotPassword|setMessage|setDescription"
                    + "|setEmptyStateText|setSummaryText|Notification\\.show|show)\\s*\\(\\s*" + LITERAL);
    private static final Pattern TEXT_CONSTRUCTOR = Pattern.compile(
            "\\bnew\\s+(?:Button|H[1-6]|Span|Paragraph|Anchor|RouterLink|Text|NativeLabel|Label|Tab|Checkbox"
                    + "|TextField|TextArea|PasswordField|EmailField|IntegerField|NumberField|Details|Div|ListItem"
                    + "|Notification|Emphasis|Strong|Pre|Html|Select|ComboBox|MenuItem|Upload|Avatar|Badge)"
                    + "\\s*(?:<[^>]*>)?\\s*\\(\\s*" + LITERAL);
    private static final Pattern PAGE_TITLE = Pattern.compile("@PageTitle\\s*\\(\\s*(?:value\\s*=\\s*)?" + LITERAL);
    private static final Pattern ANY_LITERAL = Pattern.compile(LITERAL);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern HANGUL = Pattern.compile("[\\p{IsHangul}]");

    private HardCodedTextScanner() {
    }

    /** Findings in one source file, given its display name and lines. */
    static List<Finding> scan(String file, List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String code = line.strip();
            if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
                continue;
            }
            List<String> hits = new ArrayList<>();
            for (Pattern pattern : List.of(TEXT_CALL, TEXT_CONSTRUCTOR, PAGE_TITLE)) {
                Matcher m = pattern.matcher(line);
                while (m.find()) {
                    // Literals without letters (" ", "", "01") carry no language.
                    if (LETTER.matcher(m.group(1)).find()) {
                        hits.add(m.group(1));
                    }
                }
            }
            Matcher any = ANY_LITERAL.matcher(line);
            while (any.find()) {
                if (HANGUL.matcher(any.group(1)).find() && !hits.contains(any.group(1))) {
                    hits.add(any.group(1));
                }
            }
            for (String hit : hits) {
                findings.add(new Finding(file, i + 1, hit));
            }
        }
        return findings;
    }

    /** Translation keys used as plain literals, e.g. {@code getTranslation("login.title")}, with their lines. */
    static List<Finding> literalKeys(String file, List<String> lines) {
        Pattern key = Pattern.compile("getTranslation\\s*\\(\\s*" + LITERAL + "\\s*[,)]");
        List<Finding> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = key.matcher(lines.get(i));
            while (m.find()) {
                keys.add(new Finding(file, i + 1, m.group(1)));
            }
        }
        return keys;
    }
}
