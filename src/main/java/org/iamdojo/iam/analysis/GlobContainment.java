package org.iamdojo.iam.analysis;

/**
 * A sufficient test that every string matched by IAM wildcard pattern {@code inner} ('*' any run, '?' one
 * character; see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html)
 * is matched by {@code outer}: outer must match inner's text with inner's '*' only absorbed by outer's '*', and
 * inner's '?' by outer's '?' or '*'; patterns with policy variables only when equal or outer is '*'. True means proved; false means not proved (sound, not complete).
 */
public final class GlobContainment {
    private GlobContainment() { }

    /** True when L(inner) is proved to be a subset of L(outer). */
    public static boolean contains(String outer, String inner) {
        if (outer.contains("${") || inner.contains("${")) {
            // a policy variable is one unknown value: only equal text or a bare '*' is proved to cover it
            return outer.equals(inner) || "*".equals(outer);
        }
        int n = outer.length();
        int m = inner.length();
        boolean[][] d = new boolean[n + 1][m + 1];
        d[n][m] = true;
        for (int i = n; i >= 0; i--) {
            for (int j = m; j >= 0; j--) {
                if (i == n && j == m) {
                    continue;
                }
                if (i == n) {
                    d[i][j] = false;
                    continue;
                }
                char o = outer.charAt(i);
                if (o == '*') {
                    d[i][j] = d[i + 1][j] || (j < m && d[i][j + 1]);
                } else if (j == m) {
                    d[i][j] = false;
                } else {
                    char c = inner.charAt(j);
                    if (o == '?') {
                        d[i][j] = c != '*' && d[i + 1][j + 1];
                    } else {
                        d[i][j] = c == o && d[i + 1][j + 1];
                    }
                }
            }
        }
        return d[0][0];
    }
}
