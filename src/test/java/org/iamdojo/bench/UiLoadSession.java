package org.iamdojo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab as the server sees it, without a browser: Vaadin Flow's UIDL protocol over plain HTTP. It loads
 * the bootstrap page (cookie and Spring's CSRF token), asks for the initial UIDL ({@code ?v-r=init}), then posts
 * UIDL messages ({@code ?v-r=uidl}) with the UI's security key, sync id and client id, and keeps the server's node
 * tree (tag, {@code id} attribute, properties, texts, children) so a script finds components by their id and sees
 * what each answer changed. The message shapes are those a real Chromium session sends (recorded with Playwright).
 * Push (the websocket) is not opened: changes made from other threads come with the next answer.
 */
final class UiLoadSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What one UIDL answer brought: its raw text, the texts it set and the ids it attached. */
    record Answer(String raw, List<String> texts, List<String> ids, long micros) {
        boolean hasText(String part) {
            return texts.stream().anyMatch(t -> t.contains(part));
        }
    }

    /** Records the client-side round trip of each request under a label. */
    interface Timer {
        void record(String label, long micros);
    }

    private static final class Node {
        String tag;
        final Map<String, String> attributes = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        String text;
    }

    private final HttpClient http;
    private final String base;
    private final Timer timer;
    private String cookie;
    private final Map<String, String> kept = new LinkedHashMap<>();
    private String springCsrf;
    private int uiId;
    private String securityKey;
    private int syncId;
    private int clientId;
    private final Map<Integer, Node> nodes = new HashMap<>();

    UiLoadSession(HttpClient http, String base, Timer timer) {
        this.http = http;
        this.base = base;
        this.timer = timer;
    }

    /**
     * Opens {@code path} as typing it in the address bar does: the page shown so far is left (its UI closed with
     * the unload beacon), then the bootstrap page, the initial UIDL and the first navigation.
     */
    Answer open(String path) throws IOException, InterruptedException {
        leave();
        String location = path.startsWith("/") ? path.substring(1) : path;
        HttpResponse<String> page = get(path, "page");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + page.statusCode());
        }
        Matcher m = CSRF_META.matcher(page.body());
        if (m.find()) {
            springCsrf = m.group(1);
        }
        HttpResponse<String> init = get("/?v-r=init&location=" + URLEncoder.encode(location, StandardCharsets.UTF_8)
                + "&query=", "init");
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        securityKey = uidl.path("Vaadin-Security-Key").asText();
        nodes.clear();
        apply(uidl, new ArrayList<>(), new ArrayList<>());
        ObjectNode data = JSON.createObjectNode();
        data.put("route", "/" + location);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.putObject("historyState").put("idx", 0);
        data.put("trigger", "");
        return send("navigate", List.of(event(1, "ui-navigate", data)));
    }

    /**
     * Leaves the page shown (if any) as a browser does on {@code pagehide}: Vaadin's client (Flow 24.1+) sends a
     * beacon, a UIDL message with the key {@code UNLOAD}, and the server closes that UI at once instead of keeping
     * it until three heartbeats are missed (https://github.com/vaadin/flow/pull/16657).
     */
    void leave() throws IOException, InterruptedException {
        if (securityKey == null) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", securityKey);
        message.putArray("rpc");
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        message.put("UNLOAD", true);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId)).timeout(TIMEOUT)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header("Cookie", cookie == null ? "" : cookie)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        timer.record("unload", (System.nanoTime() - start) / 1000);
        keepCookie(response);
        securityKey = null;
        nodes.clear();
    }

    /** Signs in through Spring Security's form (the login form posts natively), true when not sent back to it. */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        leave();
        String form = "_csrf=" + enc(springCsrf) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie == null ? "" : cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        timer.record("sign-in", (System.nanoTime() - start) / 1000);
        keepCookie(response);
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && !location.contains("error") && !location.contains("login");
    }

    /** Types {@code value} into the field with {@code id} (one property sync, as a fill does) and fires its event. */
    static ObjectNode sync(int node, String value) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "mSync");
        o.put("node", node);
        o.put("feature", 1);
        o.put("property", "value");
        o.put("value", value);
        return o;
    }

    static ObjectNode syncInt(int node, String property, int value) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "mSync");
        o.put("node", node);
        o.put("feature", 1);
        o.put("property", property);
        o.put("value", value);
        return o;
    }

    static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "event");
        o.put("node", node);
        o.put("event", name);
        o.set("data", data == null ? JSON.createObjectNode() : data);
        return o;
    }

    static ObjectNode click(int node) {
        ObjectNode d = JSON.createObjectNode();
        d.put("event.shiftKey", false);
        d.put("event.metaKey", false);
        d.put("event.detail", 1);
        d.put("event.ctrlKey", false);
        d.put("event.clientX", 600);
        d.put("event.clientY", 300);
        d.put("event.altKey", false);
        d.put("event.button", 0);
        d.put("event.screenY", 400);
        d.put("event.screenX", 620);
        return event(node, "click", d);
    }

    static ObjectNode key(int node, String type, String key) {
        ObjectNode d = JSON.createObjectNode();
        d.put("event.shiftKey", false);
        d.put("event.metaKey", false);
        d.put("event.code", key);
        d.put("event.key", key);
        d.put("event.isComposing", false);
        d.put("event.ctrlKey", false);
        d.put("event.repeat", false);
        d.put("event.location", 0);
        d.put("event.altKey", false);
        return event(node, type, d);
    }

    /** The node of the element whose {@code id} attribute is {@code id}. */
    int node(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no element #" + id + " in the UI"));
    }

    Optional<Integer> find(String id) {
        for (Map.Entry<Integer, Node> e : nodes.entrySet()) {
            if (id.equals(e.getValue().attributes.get("id"))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** The position of the child with id {@code childId} among the {@code tag} children of {@code parent}. */
    int childIndex(String parentId, String tag, String childId) {
        int i = 0;
        for (int child : nodes.get(node(parentId)).children) {
            Node n = nodes.get(child);
            if (n != null && tag.equals(n.tag)) {
                if (childId.equals(n.attributes.get("id"))) {
                    return i;
                }
                i++;
            }
        }
        throw new IllegalStateException("no " + tag + " #" + childId + " in #" + parentId);
    }

    /** Posts one UIDL message with these invocations and applies the answer to the node tree. */
    Answer send(String label, List<ObjectNode> rpc) throws IOException, InterruptedException {
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", securityKey);
        ArrayNode calls = message.putArray("rpc");
        rpc.forEach(calls::add);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Cookie", cookie == null ? "" : cookie)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        timer.record(label, micros);
        keepCookie(response);
        String body = response.body();
        if (response.statusCode() != 200 || !body.startsWith("for(;;);")) {
            throw new IllegalStateException(label + ": HTTP " + response.statusCode() + " "
                    + body.substring(0, Math.min(200, body.length())));
        }
        JsonNode answer = JSON.readTree(body.substring("for(;;);".length())).get(0);
        if (answer.has("meta") && answer.path("meta").has("sessionExpired")) {
            throw new IllegalStateException(label + ": session expired");
        }
        List<String> texts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        apply(answer, texts, ids);
        return new Answer(body, texts, ids, micros);
    }

    private void apply(JsonNode uidl, List<String> texts, List<String> ids) {
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        for (JsonNode c : uidl.path("changes")) {
            int id = c.path("node").asInt();
            String type = c.path("type").asText();
            int feat = c.path("feat").asInt(-1);
            switch (type) {
                case "detach" -> nodes.remove(id);
                case "attach" -> nodes.computeIfAbsent(id, k -> new Node());
                case "put" -> {
                    Node n = nodes.computeIfAbsent(id, k -> new Node());
                    String key = c.path("key").asText();
                    JsonNode value = c.path("value");
                    if (feat == 0 && key.equals("tag")) {
                        n.tag = value.asText();
                    } else if (feat == 3) {
                        n.attributes.put(key, value.asText());
                        if (key.equals("id")) {
                            ids.add(value.asText());
                        }
                    } else if (feat == 7 && key.equals("text")) {
                        n.text = value.asText();
                        texts.add(n.text);
                    }
                }
                case "remove" -> {
                    if (feat == 3) {
                        Node n = nodes.get(id);
                        if (n != null) {
                            n.attributes.remove(c.path("key").asText());
                        }
                    }
                }
                case "clear" -> {
                    if (feat == 2) {
                        nodes.computeIfAbsent(id, k -> new Node()).children.clear();
                    }
                }
                case "splice" -> {
                    if (feat == 2) {
                        List<Integer> children = nodes.computeIfAbsent(id, k -> new Node()).children;
                        int index = c.path("index").asInt();
                        int remove = c.path("remove").asInt(0);
                        for (int i = 0; i < remove && index < children.size(); i++) {
                            children.remove(index);
                        }
                        int at = Math.min(index, children.size());
                        for (JsonNode added : c.path("addNodes")) {
                            children.add(at++, added.asInt());
                        }
                    }
                }
                default -> { }
            }
        }
    }

    private HttpResponse<String> get(String path, String label) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept-Language", "en-US");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        timer.record(label, (System.nanoTime() - start) / 1000);
        keepCookie(response);
        return response;
    }

    /** The node the proxy pinned this session to (HAProxy's SERVERID cookie), or {@code direct} without a proxy. */
    String servedBy() {
        String pair = kept.get("SERVERID");
        return pair == null ? "direct" : pair.substring("SERVERID=".length());
    }

    private void keepCookie(HttpResponse<?> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            // JSESSIONID is the node's session; SERVERID, behind the sample HAProxy (deploy/haproxy.cfg), pins it.
            if (set.startsWith("JSESSIONID=") || set.startsWith("SERVERID=")) {
                String pair = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                kept.put(pair.substring(0, pair.indexOf('=')), pair);
                cookie = String.join("; ", kept.values());
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
