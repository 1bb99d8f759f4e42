package org.iamdojo.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds the bytes of a heap dump ({@code jcmd PID GC.heap_dump FILE}, HPROF 1.0.2): reads every object and
 * reference, finds each object's shortest path from a GC root (breadth first, as a heap analyser's "path to GC
 * roots"), and adds each object's shallow size to its <em>owner</em>, the nearest object on that path whose class
 * matches one of the given package prefixes, together with the chain of classes between them. So "byte[] 294 kB
 * per session" becomes "byte[] under String under HashMap$Node under org.iamdojo...X". Not a test: a tool for
 * {@code scripts/ui-load.sh} runs and heap questions.
 *
 * <p>Arguments: {@code dump.hprof [top=40] [owner prefixes, comma-separated; default
 * org.iamdojo.,com.vaadin.,org.apache.,org.hsqldb.,org.springframework.,org.atmosphere.]
 * [only these classes, comma-separated, default all; "" for all] [holder classes, comma-separated]}: with holder
 * classes (e.g. {@code org.apache.catalina.session.StandardSession}) it also reports what their instances alone
 * keep alive, per instance: a per-session figure that per-thread buffers and caches do not blur.
 * Needs about 60 bytes of heap per object of the dump (give it {@code -Xmx4g} for a 1 GB heap).
 */
public final class HeapOwners {
    private static final int OBJECT = 2;

    private int idSize;
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, String> classNames = new HashMap<>();
    /** Per class object id: super class id, instance field types, instance size. */
    private final Map<Long, long[]> classSuper = new HashMap<>();
    private final Map<Long, byte[]> classFieldTypes = new HashMap<>();
    private final Map<Long, long[]> classFieldNames = new HashMap<>();

    private final LongIntMap index = new LongIntMap(1 << 22);
    private long[] ids = new long[1 << 20];
    private int[] kind = new int[1 << 20]; // index into kindNames
    private long[] shallow = new long[1 << 20];
    private int objects;
    private final List<String> kindNames = new ArrayList<>();
    private final Map<String, Integer> kindIndex = new HashMap<>();

    private long[] edgeFrom = new long[1 << 22];
    private long[] edgeTo = new long[1 << 22];
    private int[] edgeLabel = new int[1 << 22];
    private final List<String> labels = new ArrayList<>(List.of(""));
    private final Map<String, Integer> labelIndex = new HashMap<>(Map.of("", 0));
    private int currentLabel;
    private int edges;
    private long[] roots = new long[1 << 16];
    private int rootCount;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: HeapOwners dump.hprof [top] [owner-prefixes] [classes]");
            System.exit(2);
        }
        Path dump = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String[] prefixes = (args.length > 2 ? args[2]
                : "org.iamdojo.,com.vaadin.,org.apache.,org.hsqldb.,org.springframework.,org.atmosphere.").split(",");
        String[] only = args.length > 3 && !args[3].isEmpty() ? args[3].split(",") : new String[0];
        String[] holders = args.length > 4 ? args[4].split(",") : new String[0];
        HeapOwners h = new HeapOwners();
        h.read(dump, false);
        h.read(dump, true);
        System.out.print(h.report(prefixes, only, top, holders));
    }

    private void read(Path dump, boolean objectsPass) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dump), 1 << 20))) {
            StringBuilder header = new StringBuilder();
            for (int c = in.read(); c != 0; c = in.read()) {
                header.append((char) c);
            }
            idSize = in.readInt();
            in.readLong();
            while (true) {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException e) {
                    return;
                }
                in.readInt();
                long length = Integer.toUnsignedLong(in.readInt());
                if (tag == 0x01 && !objectsPass) {
                    long id = id(in);
                    byte[] b = new byte[(int) (length - idSize)];
                    in.readFully(b);
                    strings.put(id, new String(b, StandardCharsets.UTF_8));
                } else if (tag == 0x02 && !objectsPass) {
                    in.readInt();
                    long classId = id(in);
                    in.readInt();
                    long nameId = id(in);
                    classNames.put(classId, strings.getOrDefault(nameId, "?").replace('/', '.'));
                } else if (tag == 0x0C || tag == 0x1C) {
                    heapSegment(new LimitedInput(in, length), objectsPass);
                } else {
                    skip(in, length);
                }
            }
        }
    }

    private void heapSegment(LimitedInput seg, boolean objectsPass) throws IOException {
        DataInputStream in = new DataInputStream(seg);
        while (seg.remaining > 0) {
            int sub = in.readUnsignedByte();
            switch (sub) {
                case 0xFF, 0x05, 0x07 -> root(in, objectsPass);
                case 0x01 -> { root(in, objectsPass); id(in); }
                case 0x02, 0x03, 0x08 -> { root(in, objectsPass); in.readInt(); in.readInt(); }
                case 0x04, 0x06 -> { root(in, objectsPass); in.readInt(); }
                case 0x20 -> classDump(in, objectsPass);
                case 0x21 -> instance(in, objectsPass);
                case 0x22 -> objectArray(in, objectsPass);
                case 0x23 -> primitiveArray(in, objectsPass);
                default -> throw new IOException("unknown heap dump sub-record 0x" + Integer.toHexString(sub));
            }
        }
    }

    private void root(DataInputStream in, boolean objectsPass) throws IOException {
        long id = id(in);
        if (objectsPass) {
            if (rootCount == roots.length) {
                roots = Arrays.copyOf(roots, roots.length * 2);
            }
            roots[rootCount++] = id;
        }
    }

    private void classDump(DataInputStream in, boolean objectsPass) throws IOException {
        long classId = id(in);
        in.readInt();
        long superId = id(in);
        for (int i = 0; i < 5; i++) {
            id(in);
        }
        int instanceSize = in.readInt();
        int constants = in.readUnsignedShort();
        for (int i = 0; i < constants; i++) {
            in.readUnsignedShort();
            value(in, in.readUnsignedByte(), objectsPass ? classId : 0);
        }
        int statics = in.readUnsignedShort();
        for (int i = 0; i < statics; i++) {
            id(in);
            value(in, in.readUnsignedByte(), objectsPass ? classId : 0);
        }
        int fields = in.readUnsignedShort();
        byte[] types = new byte[fields];
        long[] names = new long[fields];
        for (int i = 0; i < fields; i++) {
            names[i] = id(in);
            types[i] = (byte) in.readUnsignedByte();
        }
        if (objectsPass) {
            add(classId, "class " + classNames.getOrDefault(classId, "?"), 0);
        } else {
            classSuper.put(classId, new long[] {superId, instanceSize});
            classFieldTypes.put(classId, types);
            classFieldNames.put(classId, names);
        }
    }

    private void value(DataInputStream in, int type, long from) throws IOException {
        if (type == OBJECT) {
            long to = id(in);
            if (from != 0 && to != 0) {
                edge(from, to);
            }
        } else {
            skip(in, size(type));
        }
    }

    private void instance(DataInputStream in, boolean objectsPass) throws IOException {
        long id = id(in);
        in.readInt();
        long classId = id(in);
        int bytes = in.readInt();
        if (!objectsPass) {
            skip(in, bytes);
            return;
        }
        long[] sup = classSuper.get(classId);
        add(id, classNames.getOrDefault(classId, "?"), (sup == null ? bytes : sup[1]) + 2L * idSize);
        for (long c = classId; c != 0 && classFieldTypes.containsKey(c); c = classSuper.get(c)[0]) {
            byte[] types = classFieldTypes.get(c);
            long[] names = classFieldNames.get(c);
            for (int f = 0; f < types.length; f++) {
                currentLabel = types[f] == OBJECT ? label(strings.getOrDefault(names[f], "?")) : 0;
                value(in, types[f], id);
            }
        }
        currentLabel = 0;
    }

    private void objectArray(DataInputStream in, boolean objectsPass) throws IOException {
        long id = id(in);
        in.readInt();
        int n = in.readInt();
        long classId = id(in);
        if (!objectsPass) {
            skip(in, (long) n * idSize);
            return;
        }
        add(id, classNames.getOrDefault(classId, "?"), 16L + 4L * n);
        for (int i = 0; i < n; i++) {
            long to = id(in);
            if (to != 0) {
                edge(id, to);
            }
        }
    }

    private void primitiveArray(DataInputStream in, boolean objectsPass) throws IOException {
        long id = id(in);
        in.readInt();
        int n = in.readInt();
        int type = in.readUnsignedByte();
        skip(in, (long) n * size(type));
        if (objectsPass) {
            String name = switch (type) {
                case 4 -> "boolean[]"; case 5 -> "char[]"; case 6 -> "float[]"; case 7 -> "double[]";
                case 8 -> "byte[]"; case 9 -> "short[]"; case 10 -> "int[]"; default -> "long[]";
            };
            add(id, name, (16L + (long) n * size(type) + 7) / 8 * 8);
        }
    }

    private void add(long id, String className, long size) {
        if (objects == ids.length) {
            ids = Arrays.copyOf(ids, objects * 2);
            kind = Arrays.copyOf(kind, objects * 2);
            shallow = Arrays.copyOf(shallow, objects * 2);
        }
        Integer k = kindIndex.get(className);
        if (k == null) {
            k = kindNames.size();
            kindNames.add(className);
            kindIndex.put(className, k);
        }
        index.put(id, objects);
        ids[objects] = id;
        kind[objects] = k;
        shallow[objects] = size;
        objects++;
    }

    private void edge(long from, long to) {
        if (edges == edgeFrom.length) {
            edgeFrom = Arrays.copyOf(edgeFrom, edges * 2);
            edgeTo = Arrays.copyOf(edgeTo, edges * 2);
            edgeLabel = Arrays.copyOf(edgeLabel, edges * 2);
        }
        edgeFrom[edges] = from;
        edgeTo[edges] = to;
        edgeLabel[edges] = currentLabel;
        edges++;
    }

    private int label(String name) {
        Integer i = labelIndex.get(name);
        if (i == null) {
            i = labels.size();
            labels.add(name);
            labelIndex.put(name, i);
        }
        return i;
    }

    private String report(String[] prefixes, String[] only, int top, String[] holders) {
        // Forward adjacency (CSR) over object indices, with the field name of each reference.
        int[] start = new int[objects + 1];
        int kept = 0;
        int[] from = new int[edges];
        int[] to = new int[edges];
        int[] via = new int[edges];
        for (int e = 0; e < edges; e++) {
            int f = index.get(edgeFrom[e]);
            int t = index.get(edgeTo[e]);
            if (f >= 0 && t >= 0) {
                from[kept] = f;
                to[kept] = t;
                via[kept] = edgeLabel[e];
                start[f + 1]++;
                kept++;
            }
        }
        edgeFrom = null;
        edgeTo = null;
        edgeLabel = null;
        for (int i = 0; i < objects; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, objects);
        int[] targets = new int[kept];
        int[] targetLabels = new int[kept];
        for (int e = 0; e < kept; e++) {
            int slot = fill[from[e]]++;
            targets[slot] = to[e];
            targetLabels[slot] = via[e];
        }
        from = null;
        to = null;
        via = null;
        int[] rootSet = new int[rootCount + objects / 100 + 16];
        int rootsFound = 0;
        boolean[] seen = new boolean[objects];
        for (int r = 0; r < rootCount; r++) {
            int i = index.get(roots[r]);
            if (i >= 0 && !seen[i]) {
                seen[i] = true;
                rootSet = grow(rootSet, rootsFound);
                rootSet[rootsFound++] = i;
            }
        }
        // Class objects are reachable from their loaders; treat them as roots too (sticky classes mostly are).
        for (int i = 0; i < objects; i++) {
            if (!seen[i] && kindNames.get(kind[i]).startsWith("class ")) {
                seen[i] = true;
                rootSet = grow(rootSet, rootsFound);
                rootSet[rootsFound++] = i;
            }
        }
        int[] roots0 = Arrays.copyOf(rootSet, rootsFound);

        // Shortest paths from the roots.
        int[] parent = new int[objects];
        int[] parentLabel = new int[objects];
        Arrays.fill(parent, -2);
        int[] queue = new int[objects];
        int tail = 0;
        for (int i : roots0) {
            parent[i] = -1;
            queue[tail++] = i;
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            for (int e = start[i]; e < start[i + 1]; e++) {
                int t = targets[e];
                if (parent[t] == -2) {
                    parent[t] = i;
                    parentLabel[t] = targetLabels[e];
                    queue[tail++] = t;
                }
            }
        }
        boolean[] isOwner = new boolean[kindNames.size()];
        for (int k = 0; k < kindNames.size(); k++) {
            String n = kindNames.get(k);
            for (String p : prefixes) {
                if (n.startsWith(p) || n.startsWith("class " + p)) {
                    isOwner[k] = true;
                }
            }
        }
        Map<String, long[]> byOwner = new HashMap<>();
        Map<String, long[]> byClass = new HashMap<>();
        long total = 0;
        long unreachable = 0;
        for (int i = 0; i < objects; i++) {
            String name = kindNames.get(kind[i]);
            if (only.length > 0 && Arrays.stream(only).noneMatch(name::equals)) {
                continue;
            }
            if (parent[i] == -2) {
                unreachable += shallow[i];
                continue;
            }
            total += shallow[i];
            long[] c = byClass.computeIfAbsent(name, x -> new long[2]);
            c[0]++;
            c[1] += shallow[i];
            StringBuilder chain = new StringBuilder(name);
            int at = i;
            int hops = 0;
            while (parent[at] >= 0 && hops < 12) {
                String field = labels.get(parentLabel[at]);
                int p = parent[at];
                chain.append(field.isEmpty() ? " < " : " <." + field + " ");
                if (isOwner[kind[p]]) {
                    chain.append('[').append(kindNames.get(kind[p])).append(']');
                    break;
                }
                chain.append(kindNames.get(kind[p]));
                at = p;
                hops++;
            }
            if (parent[at] == -1) {
                chain.append(" < (root)");
            }
            long[] v = byOwner.computeIfAbsent(chain.toString(), x -> new long[2]);
            v[0]++;
            v[1] += shallow[i];
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%,d objects, %,d references, %,d roots; reachable %s: %,d bytes"
                + " (unreachable, garbage not yet collected: %,d bytes)%n", objects, kept, rootCount,
                only.length == 0 ? "total" : String.join(",", only), total, unreachable));
        if (holders.length > 0) {
            out.append(retained(holders, roots0, start, targets, top));
        }
        out.append("\nby owner (nearest object of ").append(String.join(" ", prefixes))
                .append(" on the shortest path from a GC root, with the field names), bytes, count, chain:\n");
        byOwner.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(e -> out.append(String.format("%,14d %9d  %s%n", e.getValue()[1], e.getValue()[0],
                        e.getKey())));
        out.append("\nby class:\n");
        byClass.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(e -> out.append(String.format("%,14d %9d  %s%n", e.getValue()[1], e.getValue()[0],
                        e.getKey())));
        return out.toString();
    }

    /**
     * What the instances of each holder class keep alive between them, that nothing else does: everything
     * reachable from the roots when no holder may be entered is "the rest"; then, holder class by holder class
     * in the order given, what its instances reach beyond that (and beyond the earlier holders).
     */
    private String retained(String[] holders, int[] roots0, int[] start, int[] targets, int top) {
        Map<String, Integer> holderOf = new HashMap<>();
        for (int h = 0; h < holders.length; h++) {
            holderOf.put(holders[h], h);
        }
        int[] group = new int[objects];
        Arrays.fill(group, -2);
        int[] queue = new int[objects];
        List<List<Integer>> holderInstances = new ArrayList<>();
        for (int h = 0; h < holders.length; h++) {
            holderInstances.add(new ArrayList<>());
        }
        for (int i = 0; i < objects; i++) {
            Integer h = holderOf.get(kindNames.get(kind[i]));
            if (h != null) {
                holderInstances.get(h).add(i);
            }
        }
        int tail = 0;
        for (int i : roots0) {
            if (!holderOf.containsKey(kindNames.get(kind[i])) && group[i] == -2) {
                group[i] = -1;
                queue[tail++] = i;
            }
        }
        tail = flood(queue, 0, tail, group, -1, start, targets, holderOf);
        StringBuilder out = new StringBuilder("\nretained by holder class (what only they keep alive):\n");
        long rest = 0;
        for (int i = 0; i < objects; i++) {
            if (group[i] == -1) {
                rest += shallow[i];
            }
        }
        out.append(String.format("  the rest (reachable without entering a holder): %,d bytes%n", rest));
        for (int h = 0; h < holders.length; h++) {
            int head = tail;
            for (int i : holderInstances.get(h)) {
                if (group[i] == -2) {
                    group[i] = h;
                    queue[tail++] = i;
                }
            }
            int startTail = head;
            tail = flood(queue, head, tail, group, h, start, targets, null);
            long bytes = 0;
            Map<String, long[]> byClass = new HashMap<>();
            for (int q = startTail; q < tail; q++) {
                int i = queue[q];
                bytes += shallow[i];
                long[] c = byClass.computeIfAbsent(kindNames.get(kind[i]), x -> new long[2]);
                c[0]++;
                c[1] += shallow[i];
            }
            int n = holderInstances.get(h).size();
            out.append(String.format("  %s: %d instances, %,d bytes, %,.0f bytes each%n", holders[h], n, bytes,
                    n == 0 ? 0.0 : (double) bytes / n));
            byClass.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(top / 2).forEach(e -> out.append(String.format("    %,12d %9d  %s%n", e.getValue()[1],
                            e.getValue()[0], e.getKey())));
        }
        return out.toString();
    }

    /** Breadth-first from queue[head..tail) marking unmarked objects with {@code mark}; skips holders if given. */
    private int flood(int[] queue, int head, int tail, int[] group, int mark, int[] start, int[] targets,
                      Map<String, Integer> skip) {
        while (head < tail) {
            int i = queue[head++];
            for (int e = start[i]; e < start[i + 1]; e++) {
                int t = targets[e];
                if (group[t] == -2 && (skip == null || !skip.containsKey(kindNames.get(kind[t])))) {
                    group[t] = mark;
                    queue[tail++] = t;
                }
            }
        }
        return tail;
    }

    private static int[] grow(int[] a, int size) {
        return size < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    private long id(DataInputStream in) throws IOException {
        return idSize == 8 ? in.readLong() : Integer.toUnsignedLong(in.readInt());
    }

    private int size(int type) {
        return switch (type) {
            case OBJECT -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            default -> 8;
        };
    }

    private static void skip(DataInputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                in.readByte();
                s = 1;
            }
            n -= s;
        }
    }

    /** The bytes of one record, counted so the reader knows where its sub-records end. */
    private static final class LimitedInput extends InputStream {
        private final InputStream in;
        long remaining;

        LimitedInput(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, remaining));
            remaining -= s;
            return s;
        }
    }

    /** Open addressing map from object id to index; -1 when absent. */
    private static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
        }

        void put(long key, int value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = hash(key) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        int get(long key) {
            int mask = keys.length - 1;
            int i = hash(key) & mask;
            while (keys[i] != 0) {
                if (keys[i] == key) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        private void grow() {
            long[] k = keys;
            int[] v = values;
            keys = new long[k.length * 2];
            values = new int[k.length * 2];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (k[i] != 0) {
                    put(k[i], v[i]);
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
