package jp.ishigaki.detection.simulate;

import jp.ishigaki.schemas.policy.ThreatGroup;
import jp.ishigaki.schemas.event.EcsDocument;
import jp.ishigaki.schemas.topic.Json;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Realistic mixed raw events in the shapes of the event catalogue: routine background traffic that no rule flags,
 * and events of every threat group (attacks, mistakes and failures, disasters, staffing, infrastructure outages).
 * Now and then a burst starts — a brute-force run ending in a success, a UPS on battery running down, a port scan,
 * an My Number terminal MFA failure series — and its events are interleaved with the rest.
 */
public final class EventGenerator {

    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(9));
    private static final String[] USERS = {"tanaka", "suzuki", "sato", "takahashi", "ito", "watanabe", "yamamoto",
            "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "matsumoto", "inoue", "kimura"};
    private static final String[] LG_HOSTS = {"lg-pc-0101", "lg-pc-0102", "lg-pc-0215", "lg-pc-0412", "lg-pc-0413"};
    private static final String[] MN_HOSTS = {"mn-term-041", "mn-term-042", "mn-term-043"};
    private static final String[] NET_HOSTS = {"in-pc-0301", "in-pc-0302", "in-pc-0310"};
    /**
     * Background traffic comes from the whole city hall (the LGWAN terminals' range in the sample inventory,
     * 10.20.32.0/20, holds 4,096 addresses; My Number terminals are fewer): threats concentrate on the few hosts above,
     * which the sample inventory names, while everyday logons and transfers come from any of these.
     */
    static final int CITY_LG_PCS = 1_200;
    static final int CITY_MN_TERMINALS = 60;

    private final Random random;
    private final Mix mix;
    private final Deque<Map<String, Object>> burst = new ArrayDeque<>();
    private final double burstProbability;
    private long sequence;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    /** Relative weights of background traffic and of each threat group. */
    public record Mix(int noise, int t1, int t2, int t3, int t4, int t5) {

        public static final Mix REALISTIC = new Mix(70, 14, 9, 2, 1, 4);

        /** Parses {@code noise=70,t1=14,t2=9,t3=2,t4=1,t5=4} (missing keys keep the realistic weight). */
        public static Mix parse(String text) {
            if (text == null || text.isBlank() || text.equals("realistic")) {
                return REALISTIC;
            }
            Map<String, Integer> w = new LinkedHashMap<>(Map.of("noise", REALISTIC.noise, "t1", REALISTIC.t1,
                    "t2", REALISTIC.t2, "t3", REALISTIC.t3, "t4", REALISTIC.t4, "t5", REALISTIC.t5));
            for (String part : text.split(",")) {
                String[] kv = part.trim().split("=");
                if (kv.length != 2 || !w.containsKey(kv[0].trim().toLowerCase())) {
                    throw new IllegalArgumentException("--mix expects noise=N,t1=N,...,t5=N, not '" + part + "'");
                }
                w.put(kv[0].trim().toLowerCase(), Integer.parseInt(kv[1].trim()));
            }
            return new Mix(w.get("noise"), w.get("t1"), w.get("t2"), w.get("t3"), w.get("t4"), w.get("t5"));
        }

        int total() {
            return noise + t1 + t2 + t3 + t4 + t5;
        }
    }

    public EventGenerator(long seed, Mix mix, double burstProbability) {
        this.random = new Random(seed);
        this.mix = mix;
        this.burstProbability = burstProbability;
    }

    /** The next event as a flat map of dotted ECS keys, with {@code @timestamp} = now. */
    public Map<String, Object> next() {
        return next(Instant.now());
    }

    public Map<String, Object> next(Instant now) {
        if (burst.isEmpty() && random.nextDouble() < burstProbability) {
            startBurst();
        }
        Map<String, Object> event;
        if (!burst.isEmpty() && random.nextInt(3) > 0) {
            event = burst.poll();
        } else {
            event = pick().get();
        }
        event.put("@timestamp", TS.format(now));
        event.put("event.id", runId + "-" + (++sequence));
        event.putIfAbsent("event.kind", "event");
        return event;
    }

    /** An event as shippers such as Winlogbeat send it: nested ECS JSON (the generator's maps use dotted paths). */
    public static byte[] wire(Map<String, Object> event) {
        try {
            return Json.mapper().writeValueAsBytes(EcsDocument.of(event).asMap());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The threat group an event of this generator stands for, for statistics; null for background traffic. */
    public static ThreatGroup groupOf(Map<String, Object> event) {
        Object g = event.get("labels.simulated_group");
        return g == null || "noise".equals(g) ? null : ThreatGroup.valueOf(g.toString().toUpperCase());
    }

    private Supplier<Map<String, Object>> pick() {
        int n = random.nextInt(mix.total());
        if ((n -= mix.noise) < 0) {
            return this::noise;
        }
        if ((n -= mix.t1) < 0) {
            return this::t1;
        }
        if ((n -= mix.t2) < 0) {
            return this::t2;
        }
        if ((n -= mix.t3) < 0) {
            return this::t3;
        }
        if ((n -= mix.t4) < 0) {
            return this::t4;
        }
        return this::t5;
    }

    /** One of {@code count} hosts named {@code prefix} and a number from 1, zero-padded to {@code digits}. */
    private String cityHost(String prefix, int count, int digits) {
        String number = Integer.toString(1 + random.nextInt(count));
        return prefix + "0".repeat(Math.max(0, digits - number.length())) + number;
    }

    private String any(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static Map<String, Object> e(String group, Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        out.put("labels.simulated_group", group);
        return out;
    }

    private Map<String, Object> win(String group, String code, String host, String user, Object... more) {
        Map<String, Object> out = e(group, "observer.type", "windows", "event.code", code, "winlog.channel", "Security",
                "event.provider", "Microsoft-Windows-Security-Auditing", "host.name", host, "user.name", user,
                "winlog.event_data.TargetUserName", user, "source.ip", "10.20.1." + (10 + random.nextInt(200)));
        for (int i = 0; i < more.length; i += 2) {
            out.put((String) more[i], more[i + 1]);
        }
        return out;
    }

    private Map<String, Object> noise() {
        return switch (random.nextInt(6)) {
            case 0 -> win("noise", "4624", cityHost("lg-pc-", CITY_LG_PCS, 4), any(USERS), "winlog.event_data.LogonType", "2");
            case 1 -> e("noise", "observer.type", "security-cloud", "event.dataset", "seccloud.proxy", "event.action", "allow",
                    "seccloud.proxy.category", any("news", "government", "business", "search"), "source.ip",
                    "10.30.2." + random.nextInt(250), "url.domain", any("www.pref.kagawa.lg.jp", "www.e-gov.go.jp", "www.nhk.or.jp"),
                    "http.request.method", "GET", "http.request.bytes", 400 + random.nextInt(2000));
            case 2 -> e("noise", "observer.type", "ups", "observer.name", "ups-srv-room-1", "ups.id", "UPS-01",
                    "ups.output_source", "3", "ups.battery_status", "2", "ups.seconds_on_battery", 0,
                    "ups.estimated_charge_remaining", 100, "event.kind", "metric");
            case 3 -> e("noise", "observer.type", "facility", "event.dataset", "facility.environment", "facility.sensor_id",
                    "TH-SR-03", "facility.metric", "temperature", "facility.value", 22 + random.nextInt(4), "event.kind", "metric");
            case 4 -> e("noise", "observer.type", "lgwan-gateway", "event.dataset", "lgwan.sanitization", "lgwan.result", "成功",
                    "lgwan.direction", "internet-to-lgwan", "file.name", "通知文書" + random.nextInt(900) + ".pdf",
                    "user.name", any(USERS), "host.name", cityHost("lg-pc-", CITY_LG_PCS, 4));
            default -> e("noise", "observer.type", "mynumber-terminal", "event.dataset", "mynumber.auth", "labels.segment",
                    "mynumber", "host.name", cityHost("mn-term-", CITY_MN_TERMINALS, 3), "user.name", any(USERS), "mynumber.result", "成功",
                    "mynumber.factor", "ic-card+password");
        };
    }

    private Map<String, Object> t1() {
        return switch (random.nextInt(10)) {
            case 0 -> win("t1", "4625", any(LG_HOSTS), any(USERS), "winlog.event_data.LogonType", "3",
                    "winlog.event_data.Status", "0xc000006d");
            case 1 -> e("t1", "observer.type", "av", "event.code", "1116", "event.provider", "Microsoft-Windows-Windows Defender",
                    "host.name", any(LG_HOSTS), "winlog.event_data.ThreatName", any("Trojan:Win32/Emotet.RPX!MTB",
                            "TrojanDownloader:O97M/Qakbot", "Backdoor:Win32/Cobaltstrike"), "winlog.event_data.SeverityName", "Severe");
            case 2 -> e("t1", "observer.type", "security-cloud", "event.dataset", "seccloud.proxy", "event.action", "block",
                    "seccloud.proxy.category", "phishing", "source.ip", "10.30.2." + random.nextInt(250),
                    "url.full", "https://login-micros0ft.example.net/owa", "user.name", any(USERS));
            case 3 -> e("t1", "observer.type", "security-cloud", "event.dataset", "seccloud.ids", "event.severity", 4,
                    "rule.name", "ET EXPLOIT FortiOS SSL VPN Path Traversal", "rule.category", "exploit",
                    "source.ip", "192.0.2." + random.nextInt(250), "destination.ip", "203.0.113.10", "event.action", "alert");
            case 4 -> e("t1", "observer.type", "security-cloud", "event.dataset", "seccloud.ddos", "seccloud.ddos.target",
                    "www.city.example.lg.jp", "seccloud.ddos.peak_gbps", 1.5 + random.nextInt(5), "seccloud.ddos.vector", "UDP reflection");
            case 5 -> e("t1", "observer.type", "facility", "event.dataset", "facility.access", "event.action",
                    any("door-forced-open", "tailgating-detected"), "facility.door", "3F サーバ室 前室");
            case 6 -> e("t1", "observer.type", "security-cloud", "event.dataset", "seccloud.integrity", "event.action",
                    "content-changed", "seccloud.integrity.expected", false, "url.full", "https://www.city.example.lg.jp/index.html");
            case 7 -> e("t1", "observer.type", "manual", "event.action", "suspicious-mail-reported", "email.from.address",
                    "support@amaz0n-jp.example", "user.name", any(USERS));
            case 8 -> e("t1", "observer.type", "mynumber-terminal", "event.dataset", "mynumber.audit", "labels.segment",
                    "mynumber", "host.name", any(MN_HOSTS), "user.name", any(USERS), "event.action", "csv-output",
                    "mynumber.record_count", 1000 + random.nextInt(50_000), "mynumber.includes_individual_number", true);
            default -> e("t1", "observer.type", "firewall", "observer.name", "core-fw-01", "observer.ingress.zone", "mynumber",
                    "observer.egress.zone", "internet", "event.action", "allow", "source.ip", "10.10.4." + random.nextInt(250),
                    "destination.ip", "93.184.216.34", "destination.port", 443);
        };
    }

    private Map<String, Object> t2() {
        return switch (random.nextInt(10)) {
            case 0 -> win("t2", "6416", any(LG_HOSTS), any(USERS), "winlog.event_data.ClassName", "DiskDrive",
                    "winlog.event_data.DeviceDescription", "USB 大容量記憶装置");
            case 1 -> win("t2", "7045", any(LG_HOSTS), "SYSTEM", "winlog.channel", "System", "winlog.event_data.ServiceName",
                    "VendorAgent", "winlog.event_data.ServiceFileName", "C:\\Program Files\\Vendor\\agent.exe");
            case 2 -> win("t2", "1102", any(LG_HOSTS), "admin-yamada");
            case 3 -> e("t2", "observer.type", "remote-access", "event.dataset", "remote-access.session", "event.action",
                    "session-start", "vendor.name", "株式会社サンプル情報システム", "vendor.within_approved_window", false,
                    "user.name", "vendor-sis01", "source.ip", "198.51.100.61");
            case 4 -> e("t2", "observer.type", "backup", "event.action", "backup-job", "event.outcome", "failure",
                    "backup.job", "住基 DB 日次", "error.message", "Insufficient space on repository");
            case 5 -> e("t2", "observer.type", "grc", "event.action", "self-inspection-overdue", "grc.department",
                    any("税務課", "市民課", "福祉課"), "grc.days_overdue", 30);
            case 6 -> e("t2", "observer.type", "application", "app.name", "住民税当初課税", "event.action", "batch-result",
                    "app.output_check", "不一致", "app.affected_records", 312);
            case 7 -> e("t2", "observer.type", "security-cloud", "event.dataset", "seccloud.vulnscan", "vulnerability.severity",
                    "critical", "vulnerability.category", "sql-injection", "url.full", "https://shinsei.city.example.lg.jp/form");
            case 8 -> e("t2", "observer.type", "dlp", "event.action", "external-send", "dlp.policy", "個人情報 (住所・氏名) 10件以上",
                    "dlp.recipient_known", false, "user.name", any(USERS));
            default -> e("t2", "observer.type", "network", "observer.name", "core-sw-02", "event.action", "power-supply-failed",
                    "network.component", "PSU2");
        };
    }

    private Map<String, Object> t3() {
        return switch (random.nextInt(4)) {
            case 0 -> e("t3", "observer.type", "jma", "event.dataset", "jma.intensity", "event.provider", "気象庁",
                    "jma.municipality", "丸亀市", "jma.intensity", any("3", "4", "5弱"), "jma.epicenter", "紀伊水道");
            case 1 -> e("t3", "observer.type", "jma", "event.dataset", "jma.warning", "jma.warning_kind", "雷注意報",
                    "jma.area", "丸亀市", "jma.info_type", "発表");
            case 2 -> e("t3", "observer.type", "facility", "event.dataset", "facility.fire_panel", "facility.panel_id",
                    "FP-HQ-1", "facility.zone", any("3F サーバ室", "1F 市民課"), "facility.signal_type", "火災");
            default -> e("t3", "observer.type", "jma", "event.dataset", "jma.eew", "jma.status", "通常", "jma.info_type", "発表",
                    "jma.max_intensity_forecast", "5+", "jma.target_areas", List.of("香川県中西讃"), "jma.event_id",
                    "2026" + random.nextInt(1_000_000));
        };
    }

    private Map<String, Object> t4() {
        return e("t4", "observer.type", "staffing", "event.dataset", "staffing.roster", "staffing.team",
                any("情報政策課", "市民課", "CSIRT"), "staffing.available_ratio", 0.4 + random.nextInt(30) / 100.0,
                "staffing.cause", "インフルエンザ");
    }

    private Map<String, Object> t5() {
        return switch (random.nextInt(4)) {
            case 0 -> e("t5", "observer.type", "ups", "observer.name", "ups-srv-room-1", "ups.id", "UPS-01",
                    "ups.alarm", "upsAlarmOnBattery", "ups.output_source", "5", "ups.seconds_on_battery", 30,
                    "labels.room", "本庁舎 3F サーバ室");
            case 1 -> e("t5", "observer.type", "network", "observer.name", "core-rt-01", "event.action", "linkDown",
                    "network.circuit", any("LGWAN 回線 (主)", "インターネット回線 (主)"), "network.admin_status", "up");
            case 2 -> e("t5", "observer.type", "utility", "utility.kind", "電力", "event.action", "outage",
                    "utility.area", "丸亀市大手町");
            default -> e("t5", "observer.type", "utility", "utility.kind", "水道", "event.action", "outage",
                    "utility.area", "丸亀市大手町");
        };
    }

    private void startBurst() {
        switch (random.nextInt(4)) {
            case 0 -> {
                String user = any(USERS);
                String host = any(LG_HOSTS);
                for (int i = 0; i < 12; i++) {
                    burst.add(win("t1", "4625", host, user, "source.ip", "10.20.9.99", "winlog.event_data.LogonType", "3"));
                }
                burst.add(win("t1", "4624", host, user, "source.ip", "10.20.9.99", "winlog.event_data.LogonType", "10"));
            }
            case 1 -> {
                for (int i = 0; i < 6; i++) {
                    burst.add(e("t5", "observer.type", "ups", "observer.name", "ups-srv-room-1", "ups.id", "UPS-01",
                            "ups.alarm", "upsAlarmOnBattery", "ups.output_source", "5", "ups.seconds_on_battery", 30 * (i + 1),
                            "ups.estimated_minutes_remaining", 30 - 5 * i, "labels.room", "本庁舎 3F サーバ室"));
                }
                burst.add(e("t5", "observer.type", "ups", "observer.name", "ups-srv-room-1", "ups.id", "UPS-01",
                        "ups.alarm", "upsAlarmLowBattery", "ups.battery_status", "3", "ups.output_source", "5",
                        "ups.estimated_minutes_remaining", 4, "labels.room", "本庁舎 3F サーバ室"));
            }
            case 2 -> {
                String ip = "192.0.2." + random.nextInt(250);
                for (int i = 0; i < 8; i++) {
                    burst.add(e("t1", "observer.type", "security-cloud", "event.dataset", "seccloud.scan", "source.ip", ip,
                            "seccloud.scan.count", 200 + random.nextInt(2000), "seccloud.scan.window", "5m"));
                }
            }
            default -> {
                String user = any(USERS);
                String host = any(MN_HOSTS);
                for (int i = 0; i < 6; i++) {
                    burst.add(e("t1", "observer.type", "mynumber-terminal", "event.dataset", "mynumber.auth",
                            "labels.segment", "mynumber", "host.name", host, "user.name", user, "mynumber.result", "失敗",
                            "mynumber.factor", "ic-card"));
                }
            }
        }
    }
}
