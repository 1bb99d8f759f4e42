package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyType;

/**
 * S3: the account's buckets (create, delete) and, for the open bucket, its objects (list by prefix, upload
 * text, view, download, delete) and its bucket policy (edit with the validator's findings, save, delete).
 * Lists come from ListBuckets / ListObjectsV2 as the acting identity, so a denied list shows AWS's error.
 */
final class S3Page extends DivPage {

    private final SandboxWorkspace workspace;
    private final Grid<BucketRow> buckets = new Grid<>();
    private final Div bucketsError = new Div();
    private final Div bucketPanel = new Div();
    private String openBucket;
    private final DetailTabs detailTabs = new DetailTabs();

    /** A bucket as ListBuckets returns it. */
    record BucketRow(String name, String creationDate) {
    }

    /** An object as ListObjectsV2 returns it. */
    record ObjectRow(String key, long size, String lastModified) {
    }

    S3Page(SandboxWorkspace workspace) {
        super("s3-page");
        this.workspace = workspace;
        root.add(new H3(t("s3.title")));

        TextField name = new TextField(t("s3.bucket-name"));
        name.setId("s3-new-bucket");
        name.setHelperText(t("s3.bucket-name.help"));
        Button create = new Button(t("s3.create-bucket"), e -> {
            if (CallFeedback.show(workspace.call("s3", "CreateBucket", Params.of("Bucket", name.getValue().trim())),
                    t("s3.bucket-created", name.getValue().trim()))) {
                openBucket = name.getValue().trim();
                name.clear();
                refresh();
            }
        });
        create.setId("s3-create-bucket");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout createRow = new HorizontalLayout(name, create);
        createRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        buckets.setId("s3-buckets");
        buckets.addColumn(BucketRow::name).setHeader(t("s3.col.name")).setFlexGrow(2);
        buckets.addColumn(BucketRow::creationDate).setHeader(t("s3.col.created")).setFlexGrow(1);
        buckets.setAllRowsVisible(true);
        buckets.addItemClickListener(e -> {
            openBucket = e.getItem().name();
            showBucket();
        });
        bucketsError.addClassName("console-error");
        bucketPanel.addClassName("s3-bucket-panel");
        root.add(createRow, bucketsError, buckets, bucketPanel);
        refresh();
    }

    @Override
    public void refresh() {
        CallResult r = workspace.call("s3", "ListBuckets", Params.of());
        bucketsError.removeAll();
        List<BucketRow> rows = new ArrayList<>();
        if (r.succeeded()) {
            for (JsonNode b : r.response().path("Buckets")) {
                rows.add(new BucketRow(b.path("Name").asText(), shortTime(b.path("CreationDate").asText())));
            }
        } else {
            bucketsError.add(new ErrorNotice(r));
        }
        buckets.setItems(rows);
        // A bucket ListBuckets no longer returns is gone; when the list is refused, its own calls tell.
        if (openBucket != null && r.succeeded() && rows.stream().noneMatch(b -> b.name().equals(openBucket))) {
            openBucket = null;
        }
        showBucket();
    }

    private void showBucket() {
        bucketPanel.removeAll();
        if (openBucket == null) {
            bucketPanel.add(new Paragraph(t("s3.pick-bucket")));
            return;
        }
        String bucket = openBucket;
        H4 title = new H4(t("s3.bucket-title", bucket));
        title.setId("s3-open-bucket");
        Button delete = new Button(t("s3.delete-bucket"), e -> {
            if (CallFeedback.show(workspace.call("s3", "DeleteBucket", Params.of("Bucket", bucket)),
                    t("s3.bucket-deleted", bucket))) {
                openBucket = null;
                refresh();
            }
        });
        delete.setId("s3-delete-bucket");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout head = new HorizontalLayout(title, delete);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.setWidthFull();
        head.expand(title);

        TabSheet tabs = detailTabs.sheet("s3-bucket-tabs", bucket);
        tabs.add(t("s3.tab.objects"), objects(bucket)).setId("s3-tab-objects");
        tabs.add(t("s3.tab.permissions"), permissions(bucket)).setId("s3-tab-permissions");
        detailTabs.restore(tabs);
        bucketPanel.add(head, tabs);
    }

    private Component objects(String bucket) {
        Div box = new Div();
        TextField prefix = new TextField(t("s3.prefix"));
        prefix.setId("s3-prefix");
        prefix.setClearButtonVisible(true);
        Grid<ObjectRow> grid = new Grid<>();
        grid.setId("s3-objects");
        grid.setAllRowsVisible(true);
        Div error = new Div();
        error.addClassName("console-error");
        Runnable load = () -> {
            error.removeAll();
            CallResult r = workspace.call("s3", "ListObjectsV2", Params.of("Bucket", bucket, "Prefix", prefix.getValue()));
            List<ObjectRow> rows = new ArrayList<>();
            if (r.succeeded()) {
                for (JsonNode o : r.response().path("Contents")) {
                    rows.add(new ObjectRow(o.path("Key").asText(), o.path("Size").asLong(), shortTime(o.path("LastModified").asText())));
                }
            } else {
                error.add(new ErrorNotice(r));
            }
            grid.setItems(rows);
        };
        Button list = new Button(t("s3.list"), e -> load.run());
        list.setId("s3-list-objects");
        prefix.addKeyPressListener(Key.ENTER, e -> load.run());
        HorizontalLayout filter = new HorizontalLayout(prefix, list);
        filter.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(ObjectRow::key).setHeader(t("s3.col.key")).setFlexGrow(3);
        grid.addColumn(ObjectRow::size).setHeader(t("s3.col.size")).setFlexGrow(0).setWidth("90px");
        grid.addColumn(ObjectRow::lastModified).setHeader(t("s3.col.modified")).setFlexGrow(2);
        grid.addComponentColumn(o -> {
            Button view = new Button(t("s3.view"), e -> view(bucket, o.key()));
            view.addClassName("s3-view-object");
            view.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button del = new Button(t("s3.delete"), e -> {
                if (CallFeedback.show(workspace.call("s3", "DeleteObject", Params.of("Bucket", bucket, "Key", o.key())),
                        t("s3.object-deleted", o.key()))) {
                    load.run();
                }
            });
            del.addClassName("s3-delete-object");
            del.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(view, del);
        }).setHeader(t("s3.col.actions")).setFlexGrow(2);

        TextField key = new TextField(t("s3.object-key"));
        key.setId("s3-object-key");
        TextArea body = new TextArea(t("s3.object-content"));
        body.setId("s3-object-body");
        body.setWidthFull();
        body.setMaxHeight("160px");
        Button upload = new Button(t("s3.upload"), e -> {
            if (CallFeedback.show(workspace.call("s3", "PutObject",
                    Params.of("Bucket", bucket, "Key", key.getValue().trim(), "Body", body.getValue())),
                    t("s3.uploaded", key.getValue().trim()))) {
                key.clear();
                body.clear();
                load.run();
            }
        });
        upload.setId("s3-upload");
        upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div uploadBox = new Div(new H4(t("s3.upload-title")), key, body, upload);
        uploadBox.addClassName("s3-upload-box");
        box.add(filter, error, grid, uploadBox);
        load.run();
        return box;
    }

    private void view(String bucket, String key) {
        CallResult r = workspace.call("s3", "GetObject", Params.of("Bucket", bucket, "Key", key));
        if (!CallFeedback.show(r, null)) {
            return;
        }
        String text = r.response().path("Body").asText();
        Dialog d = new Dialog();
        d.setId("s3-object-dialog");
        d.setHeaderTitle(key);
        d.setWidth("min(720px, 95vw)");
        Pre pre = new Pre(text);
        pre.setId("s3-object-text");
        pre.addClassName("console-json");
        String file = key.substring(key.lastIndexOf('/') + 1);
        Anchor download = new Anchor(new StreamResource(file.isEmpty() ? "object" : file,
                () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), t("s3.download"));
        download.getElement().setAttribute("download", true);
        download.setId("s3-download");
        d.add(pre);
        d.getFooter().add(download, new Button(t("console.close"), e -> d.close()));
        d.open();
    }

    private Component permissions(String bucket) {
        Div box = new Div();
        TextArea policy = new TextArea(t("s3.policy"));
        policy.setId("s3-policy");
        policy.addClassName("policy-text");
        policy.setWidthFull();
        policy.setMinHeight("220px");
        policy.setMaxHeight("360px");
        policy.setValueChangeMode(ValueChangeMode.LAZY);
        UnorderedList findings = new UnorderedList();
        findings.setId("s3-policy-findings");
        findings.addClassName("policy-findings");
        Span status = new Span();
        status.addClassName("policy-status");
        CallResult current = workspace.call("s3", "GetBucketPolicy", Params.of("Bucket", bucket));
        if (current.succeeded()) {
            policy.setValue(PrettyJson.reindent(current.response().path("Policy").asText()));
            status.setText(t("s3.policy.has"));
        } else if ("NoSuchBucketPolicy".equals(current.error().code())) {
            policy.setValue(template(bucket));
            status.setText(t("s3.policy.none"));
        } else {
            box.add(new ErrorNotice(current));
        }
        Runnable check = () -> {
            findings.removeAll();
            for (Finding f : workspace.validator().validate(policy.getValue(), PolicyType.RESOURCE_POLICY)) {
                ListItem li = new ListItem(new Span(t("s3.policy.finding", f.line(), f.column(),
                        t("severity." + f.severity().name()), f.issueCode(), PolicyEditor.message(f))));
                li.addClassName("finding-" + f.severity().name().toLowerCase().replace('_', '-'));
                findings.add(li);
            }
            if (findings.getChildren().findAny().isEmpty()) {
                findings.add(new ListItem(t("s3.policy.no-findings")));
            }
        };
        policy.addValueChangeListener(e -> check.run());
        check.run();
        Button save = new Button(t("s3.policy.save"), e -> {
            if (CallFeedback.show(workspace.call("s3", "PutBucketPolicy", Params.of("Bucket", bucket, "Policy", policy.getValue())),
                    t("s3.policy.saved"))) {
                status.setText(t("s3.policy.has"));
            }
        });
        save.setId("s3-policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button(t("s3.policy.delete"), e -> {
            if (CallFeedback.show(workspace.call("s3", "DeleteBucketPolicy", Params.of("Bucket", bucket)),
                    t("s3.policy.deleted"))) {
                status.setText(t("s3.policy.none"));
            }
        });
        delete.setId("s3-policy-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(save, delete, status);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        box.add(policy, new Span(t("s3.policy.findings")), findings, actions);
        return box;
    }

    /** An ISO timestamp to the second, as the S3 console lists it. */
    static String shortTime(String iso) {
        return iso.length() > 19 ? iso.substring(0, 19).replace('T', ' ') : iso;
    }

    private String template(String bucket) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"ReadObjects\",\n"
                + "      \"Effect\": \"Allow\",\n      \"Principal\": {\"AWS\": \"arn:aws:iam::" + workspace.accountId()
                + ":root\"},\n      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"arn:aws:s3:::" + bucket
                + "/*\"\n    }\n  ]\n}";
    }
}
