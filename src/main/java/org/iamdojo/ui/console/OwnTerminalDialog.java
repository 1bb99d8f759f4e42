package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import org.iamdojo.iam.account.Credentials;

/**
 * "Use your own terminal": for the acting identity's access keys (an IAM user's keys or an assumed-role session's
 * temporary keys), the lines that make a real AWS CLI or SDK on the learner's computer act in this sandbox through
 * the AWS-compatible endpoint; for an identity without keys (root, a console password), how to get some.
 */
final class OwnTerminalDialog extends Dialog {
    static final String REGION = "us-east-1";

    OwnTerminalDialog(Credentials acting, String label, String host, int port) {
        setHeaderTitle(t("terminal.own.title"));
        setId("own-terminal-dialog");
        setWidth("min(860px, 96vw)");
        String endpoint = "http://" + host + ":" + port;
        if (acting instanceof Credentials.AccessKeyPair keys) {
            String token = keys.sessionToken();
            boolean session = token != null && !token.isBlank();
            String exports = "export AWS_ACCESS_KEY_ID=" + keys.accessKeyId()
                    + " AWS_SECRET_ACCESS_KEY=" + keys.secretAccessKey()
                    + (session ? " AWS_SESSION_TOKEN=" + token : "")
                    + " AWS_DEFAULT_REGION=" + REGION + " AWS_ENDPOINT_URL=" + endpoint;
            String profile = "iamdojo";
            StringBuilder configure = new StringBuilder()
                    .append("aws configure set aws_access_key_id ").append(keys.accessKeyId()).append(" --profile ").append(profile).append('\n')
                    .append("aws configure set aws_secret_access_key ").append(keys.secretAccessKey()).append(" --profile ").append(profile).append('\n');
            if (session) {
                configure.append("aws configure set aws_session_token ").append(token).append(" --profile ").append(profile).append('\n');
            }
            configure.append("aws configure set region ").append(REGION).append(" --profile ").append(profile).append('\n')
                    .append("aws configure set endpoint_url ").append(endpoint).append(" --profile ").append(profile).append('\n')
                    .append("aws sts get-caller-identity --profile ").append(profile);
            String old = "aws --endpoint-url " + endpoint + " sts get-caller-identity";
            add(new Paragraph(t("terminal.own.help", label)),
                    block("own-terminal-exports", t("terminal.own.exports"), exports),
                    block("own-terminal-configure", t("terminal.own.configure"), configure.toString()),
                    new Paragraph(t("terminal.own.old-cli")),
                    block("own-terminal-old", t("terminal.own.old-cli.example"), old));
            if (session) {
                add(new Paragraph(t("terminal.own.session")));
            }
        } else {
            Paragraph none = new Paragraph(t("terminal.own.no-key", label));
            none.setId("own-terminal-no-key");
            add(none, new Paragraph(t("terminal.own.no-key.how")));
        }
        ConsoleUi.closeInFooter(this, "own-terminal-close", "terminal.own.close");
    }

    private static Div block(String id, String label, String text) {
        Paragraph heading = new Paragraph(label);
        heading.addClassName("own-terminal-label");
        Pre lines = new Pre(text);
        lines.setId(id);
        lines.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)").set("margin", "0");
        Button copy = ConsoleUi.copyButton(label, text);
        copy.setId(id + "-copy");
        Div block = new Div(heading, lines, copy);
        block.addClassName("own-terminal-block");
        return block;
    }
}
