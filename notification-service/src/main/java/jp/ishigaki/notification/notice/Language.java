package jp.ishigaki.notification.notice;

import jp.ishigaki.schemas.notification.Recipient;

import java.util.Locale;

/** The languages notices are written in; Japanese unless the recipient asks for English. */
public enum Language {
    JA, EN;

    public static Language of(Recipient recipient) {
        return recipient.language() != null && recipient.language().trim().toLowerCase(Locale.ROOT).startsWith("en")
                ? EN : JA;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
