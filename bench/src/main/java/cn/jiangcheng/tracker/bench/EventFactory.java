package cn.jiangcheng.tracker.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRegistered;

/**
 * Deterministic test events: the same seed gives both engines byte-identical payloads, metadata, identifiers and
 * aggregates. Fresh message objects are built for every engine, because Axon caches a message's serialized form.
 * <p>
 * Every second aggregate is an org unit (OrgUnitCreated, then OrgUnitRenamed), the others are user accounts (one
 * UserRegistered-shaped event each time). The event types are the app's own records; values are sized like real ones
 * (official unit names of 26-34 Chinese characters, bcrypt hashes, UUIDs), which puts the JSON payload at about 300-400
 * bytes and the audit metadata the app attaches to every event at about 330 bytes.
 */
final class EventFactory {

    static final String ORG_UNIT_TYPE = "OrgUnit";
    static final String USER_TYPE = "UserAccount";

    private static final String[] UNIT_NAMES = {
            "江城市自然资源和规划局江城经济技术开发区分局国土空间规划与用途管制科",
            "江城市住房和城乡建设局城市更新与人居环境改善工作专班综合协调办公室",
            "江城经济技术开发区管理委员会规划建设与生态环境保护局建设管理科",
            "江城市生态环境局江北分局大气污染防治与移动源排放监督管理科",
            "江城市城市管理综合行政执法局市容环境卫生与园林绿化管理科",
            "江城市交通运输局综合交通规划和城市轨道交通枢纽建设管理科",
            "江城市水务局河湖长制工作与水生态修复治理及防汛抗旱科",
            "江城市文化广电旅游局历史文化街区保护利用与非物质文化遗产传承科",
            "江城市发展和改革委员会美丽江城建设规划实施推进工作领导小组办公室",
            "江城市农业农村局和美乡村建设与农村人居环境整治提升工作科",
    };
    private static final String[] SURNAMES = {"欧阳", "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "司马", "诸葛"};
    private static final String[] GIVEN = {"明轩", "立新", "晓红", "建国", "思远", "雨桐", "志强", "海燕", "子涵", "文博"};
    private static final String[] PINYIN = {"ouyang", "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao",
            "zhou", "sima", "zhuge"};
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Role[] ROLES = Role.values();

    /** The events one writer thread appends, in order, and the aggregates they belong to. */
    record ThreadWork(List<DomainEventMessage<?>> events, List<String> aggregateIds) {
    }

    private EventFactory() {
    }

    /**
     * Splits {@code total} events over {@code threads} writers; each writer owns its aggregates and cycles through
     * them, so every aggregate ends up with about {@code eventsPerAggregate} events.
     */
    static List<ThreadWork> generate(long seed, int threads, int total, int eventsPerAggregate) {
        Random random = new Random(seed);
        String cityId = uuid(random);
        String provinceId = uuid(random);
        List<ThreadWork> work = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int count = total / threads + (t < total % threads ? 1 : 0);
            int aggregates = Math.max(1, (count + eventsPerAggregate - 1) / eventsPerAggregate);
            List<String> ids = new ArrayList<>(aggregates);
            for (int a = 0; a < aggregates; a++) {
                ids.add(uuid(random));
            }
            List<DomainEventMessage<?>> events = new ArrayList<>(count);
            long[] next = new long[aggregates];
            Instant timestamp = Instant.now();
            for (int i = 0; i < count; i++) {
                int a = i % aggregates;
                long sequence = next[a]++;
                boolean orgUnit = (t + a) % 2 == 0;
                String aggregateId = ids.get(a);
                Object payload = orgUnit
                        ? orgUnitEvent(random, aggregateId, sequence, cityId, provinceId)
                        : userEvent(random, a, cityId);
                events.add(new GenericDomainEventMessage<>(orgUnit ? ORG_UNIT_TYPE : USER_TYPE, aggregateId, sequence,
                        payload, metadata(random, cityId), uuid(random), timestamp));
            }
            work.add(new ThreadWork(events, ids));
        }
        return work;
    }

    /** Cuts every writer's events into {@code blocks} consecutive slices; block b holds slice b of every writer. */
    static List<List<ThreadWork>> inBlocks(List<ThreadWork> work, int blocks) {
        List<List<ThreadWork>> result = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            List<ThreadWork> block = new ArrayList<>(work.size());
            for (ThreadWork w : work) {
                int size = w.events().size();
                block.add(new ThreadWork(w.events().subList(b * size / blocks, (b + 1) * size / blocks),
                        w.aggregateIds()));
            }
            result.add(block);
        }
        return result;
    }

    private static Object orgUnitEvent(Random random, String id, long sequence, String cityId, String provinceId) {
        String name = UNIT_NAMES[random.nextInt(UNIT_NAMES.length)];
        if (sequence == 0) {
            return new OrgUnitCreated(id, name, OrgUnitType.DEPARTMENT, random.nextBoolean() ? cityId : provinceId,
                    cityId);
        }
        String newName = UNIT_NAMES[random.nextInt(UNIT_NAMES.length)] + "（第" + sequence + "次调整）";
        return new OrgUnitRenamed(id, name, newName);
    }

    private static Object userEvent(Random random, int aggregateIndex, String cityId) {
        int surname = random.nextInt(SURNAMES.length);
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String username = PINYIN[surname] + "." + String.format("%06d", aggregateIndex) + "@jiangcheng.gov.cn";
        String displayName = SURNAMES[surname] + given + "（" + UNIT_NAMES[random.nextInt(UNIT_NAMES.length)] + "）";
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.add(ROLES[random.nextInt(ROLES.length)]);
        roles.add(ROLES[random.nextInt(ROLES.length)]);
        return new UserRegistered(username, displayName, bcrypt(random), roles, uuid(random), cityId);
    }

    private static Map<String, Object> metadata(Random random, String cityId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(AuditKeys.USER_ID, uuid(random));
        metadata.put(AuditKeys.USER_NAME, PINYIN[random.nextInt(PINYIN.length)] + ".admin");
        metadata.put(AuditKeys.ROLES, EnumSet.of(ROLES[random.nextInt(ROLES.length)], Role.SUBMITTER).stream()
                .map(Role::name).collect(Collectors.joining(",")));
        metadata.put(AuditKeys.ORG_UNIT_ID, uuid(random));
        metadata.put(AuditKeys.CITY_ID, cityId);
        metadata.put(AuditKeys.CLIENT_IP, "10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254)));
        metadata.put(AuditKeys.CORRELATION_ID, uuid(random));
        metadata.put(AuditKeys.CAUSATION_ID, uuid(random));
        return metadata;
    }

    private static String bcrypt(Random random) {
        StringBuilder hash = new StringBuilder("$2a$12$");
        for (int i = 0; i < 53; i++) {
            hash.append(BCRYPT_ALPHABET.charAt(random.nextInt(BCRYPT_ALPHABET.length())));
        }
        return hash.toString();
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
