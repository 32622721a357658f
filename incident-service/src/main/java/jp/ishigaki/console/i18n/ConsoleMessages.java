package jp.ishigaki.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's texts: Japanese here (the default), English in {@code messages/msg_en.properties}. */
@MessageBundle(value = "msg", locale = "ja")
public interface ConsoleMessages {

    @Message("石垣 インシデント対応")
    String app_name();

    @Message("本文へ移動")
    String skip_to_content();

    @Message("インシデント一覧")
    String nav_queue();

    @Message("ダッシュボード")
    String nav_dashboard();

    @Message("情報資産台帳")
    String nav_assets();

    @Message("連絡体制")
    String nav_contacts();

    @Message("取込拒否イベント")
    String nav_rejected();

    @Message("報告書")
    String nav_report();

    @Message("情報セキュリティ基本方針")
    String nav_policy();

    @Message("ログアウト")
    String logout();

    @Message("ログイン中")
    String signed_in_as();

    @Message("English")
    String switch_language();

    @Message("ログイン")
    String login_title();

    @Message("ユーザー名")
    String login_user();

    @Message("パスワード")
    String login_password();

    @Message("ログイン")
    String login_submit();

    @Message("ユーザー名またはパスワードが正しくないか、アカウントがロックされています。")
    String login_error();

    @Message("ログアウトしました。")
    String login_logged_out();

    @Message("絞り込み")
    String filter();

    @Message("適用")
    String filter_apply();

    @Message("解除")
    String filter_reset();

    @Message("すべて")
    String filter_all();

    @Message("キーワード")
    String filter_text();

    @Message("受領確認済み")
    String filter_ack_yes();

    @Message("未確認")
    String filter_ack_no();

    @Message("並び順")
    String sort();

    @Message("重大度")
    String sort_severity();

    @Message("次のエスカレーション・期限")
    String sort_deadline();

    @Message("更新日時")
    String sort_updated();

    @Message("番号")
    String col_number();

    @Message("件名")
    String col_title();

    @Message("重大度")
    String col_severity();

    @Message("脅威")
    String col_threat();

    @Message("脅威区分")
    String col_threat_group();

    @Message("領域")
    String col_segment();

    @Message("状態")
    String col_state();

    @Message("担当者")
    String col_assignee();

    @Message("受領確認")
    String col_ack();

    @Message("エスカレーション段階")
    String col_escalation();

    @Message("更新日時")
    String col_updated();

    @Message("未確認経過")
    String col_waiting();

    @Message("違反した管理策")
    String col_controls();

    @Message("未確認")
    String unacknowledged();

    @Message("確認済み")
    String acknowledged();

    @Message("未割当")
    String unassigned();

    @Message("条件に合うインシデントはありません。")
    String queue_empty();

    @Message("件")
    String queue_count();

    @Message("ライブ更新")
    String live();

    @Message("概要")
    String detail_summary();

    @Message("イベント履歴")
    String detail_history();

    @Message("実行者")
    String detail_actor();

    @Message("イベント")
    String detail_event();

    @Message("内容")
    String detail_detail();

    @Message("日時")
    String detail_at();

    @Message("一覧へ戻る")
    String detail_back();

    @Message("インシデントが見つかりません。")
    String detail_not_found();

    @Message("このアドレスのページはありません。")
    String page_not_found();

    @Message("情報セキュリティ基本方針と脅威・管理策")
    String policy_title();

    @Message("条項")
    String policy_clause();

    @Message("対象とする脅威")
    String policy_threats();

    @Message("管理策")
    String policy_controls();

    @Message("基本方針")
    String policy_panel();

    @Message("閉じる")
    String policy_panel_close();

    @Message("出典: 丸亀市情報セキュリティ基本方針（令和8年4月1日施行）")
    String policy_source();

    @Message("時刻は日本時間（Asia/Tokyo）")
    String times_in_tokyo();

    @Message("この画面は準備中です。")
    String not_available_yet();

    @Message("次の期限")
    String col_next_due();

    @Message("検知数")
    String col_detections();

    @Message("受付日時")
    String col_opened();

    @Message("所管課")
    String detail_department();

    @Message("影響を受ける情報資産")
    String detail_assets();

    @Message("法令上の報告")
    String detail_legal();

    @Message("報告義務の可能性あり")
    String detail_legal_yes();

    @Message("原因")
    String detail_root_cause();

    @Message("再発防止策")
    String detail_prevention();

    @Message("統合先")
    String detail_merged_into();

    @Message("検知内容（原文）")
    String detail_description();

    @Message("重大度の根拠")
    String detail_severity_reasons();

    @Message("操作")
    String detail_actions();

    @Message("閲覧のみ（監査担当）。操作はできません。")
    String detail_read_only();

    @Message("対応タスク・報告義務")
    String detail_tasks();

    @Message("タイムライン")
    String detail_timeline();

    @Message("改ざんなし（検証済み）")
    String timeline_verified();

    @Message("改ざんの可能性: 連鎖が途切れています")
    String timeline_broken();

    @Message("受領確認")
    String action_acknowledge();

    @Message("担当者を設定")
    String action_assign();

    @Message("次の状態")
    String action_transition_to();

    @Message("理由")
    String action_reason();

    @Message("状態を変更")
    String action_transition();

    @Message("コメント")
    String action_comment();

    @Message("コメントを追加")
    String action_comment_submit();

    @Message("手動エスカレーション")
    String action_escalate();

    @Message("統合先のインシデント番号")
    String action_merge_into();

    @Message("統合")
    String action_merge();

    @Message("タスク")
    String task_title();

    @Message("段階")
    String task_phase();

    @Message("担当役割")
    String task_role();

    @Message("期限")
    String task_due();

    @Message("状況")
    String task_status();

    @Message("報告")
    String task_reporting();

    @Message("必須")
    String task_mandatory();

    @Message("期限超過")
    String task_overdue();

    @Message("メモ")
    String task_note();

    @Message("完了")
    String task_complete();

    @Message("免除")
    String task_waive();

    @Message("期間")
    String dash_period();

    @Message("日")
    String dash_days();

    @Message("対応中のインシデント（重大度別）")
    String dash_open_by_severity();

    @Message("受付件数（脅威区分別）")
    String dash_opened_by_group();

    @Message("受付件数（領域別）")
    String dash_opened_by_segment();

    @Message("MTTA・MTTR（脅威区分別）")
    String dash_mtta_mttr();

    @Message("受付")
    String dash_opened();

    @Message("分")
    String dash_minutes();

    @Message("未完了")
    String task_status_OPEN();

    @Message("完了")
    String task_status_DONE();

    @Message("免除")
    String task_status_WAIVED();

    @Message("開始日")
    String report_from();

    @Message("終了日")
    String report_to();

    @Message("CSV 出力")
    String report_csv();

    @Message("終結")
    String report_closed();

    @Message("自己点検・監査（基本方針 7）のための期間報告。印刷するとこの表だけが出力されます。")
    String report_note();

    @Message("可用性")
    String asset_availability();

    @Message("格付け（自治体機密性・完全性・可用性）")
    String asset_classification();

    @Message("格付け: 自治体機密性 3A/3B/3C/2/1、完全性 2/1、可用性 2/1（令和6年10月ガイドライン）。強調表示の行は機密性3A・3B または完全性・可用性2で、インシデントの重大度が一段上がります。")
    String asset_classification_note();

    @Message("自治体機密性")
    String asset_confidentiality();

    @Message("件")
    String asset_count();

    @Message("削除")
    String asset_delete();

    @Message("所管課")
    String asset_department();

    @Message("編集")
    String asset_edit();

    @Message("条件に合う情報資産はありません。")
    String asset_empty();

    @Message("ホスト")
    String asset_hosts();

    @Message("CSV取込")
    String asset_import();

    @Message("列")
    String asset_import_column();

    @Message("新規")
    String asset_import_created();

    @Message("問題")
    String asset_import_problem();

    @Message("不採用")
    String asset_import_rejected();

    @Message("CSV取込結果")
    String asset_import_report();

    @Message("行")
    String asset_import_row();

    @Message("行数")
    String asset_import_rows();

    @Message("取り込む")
    String asset_import_submit();

    @Message("更新")
    String asset_import_updated();

    @Message("完全性")
    String asset_integrity();

    @Message("管理者")
    String asset_manager();

    @Message("名称")
    String asset_name();

    @Message("情報資産を登録")
    String asset_new();

    @Message("保存")
    String asset_save();

    @Message("保存しました")
    String asset_saved();

    @Message("キャンセル")
    String cancel();

    @Message("対応可否")
    String contact_availability();

    @Message("対応可")
    String contact_available();

    @Message("連絡先")
    String contact_channels();

    @Message("課")
    String contact_departments();

    @Message("情報セキュリティ管理者")
    String contact_dept_manager();

    @Message("代理者（順）")
    String contact_deputies();

    @Message("代理")
    String contact_deputy_for();

    @Message("不在者:")
    String contact_deputy_for_prefix();

    @Message("対応可に戻す")
    String contact_mark_available();

    @Message("不在にする")
    String contact_mark_unavailable();

    @Message("氏名")
    String contact_name();

    @Message("該当する通知先がありません。")
    String contact_no_recipient();

    @Message("連絡先が登録されていません。")
    String contact_none();

    @Message("担当者")
    String contact_people();

    @Message("重大度別エスカレーション方針")
    String contact_policy();

    @Message("未確認時のエスカレーション間隔")
    String contact_policy_after();

    @Message("勤務時間内のみ通知")
    String contact_policy_hours();

    @Message("発生時に通知する役割")
    String contact_policy_notify();

    @Message("現在有効な方針です。あなたの権限では参照のみです。変更は統括情報セキュリティ責任者・CISO・管理者がこの画面または PUT /api/escalation-policy/（重大度） で行います。")
    String contact_policy_readonly();

    @Message("最上位で繰り返し通知")
    String contact_policy_repeat();

    @Message("通知先プレビュー")
    String contact_preview();

    @Message("選んだ役割に今通知した場合の宛先です。不在者の代わりに最初の対応可能な代理者が入ります（基本方針 §3(4)）。")
    String contact_preview_note();

    @Message("表示")
    String contact_preview_show();

    @Message("理由")
    String contact_reason();

    @Message("役割")
    String contact_roles();

    @Message("不在")
    String contact_unavailable();

    @Message("期限")
    String contact_until();

    @Message("いいえ")
    String no();

    @Message("次へ")
    String page_next();

    @Message("前へ")
    String page_prev();

    @Message("件")
    String rejected_count();

    @Message("修正して再送")
    String rejected_fix_replay();

    @Message("キー")
    String rejected_key();

    @Message("最新")
    String rejected_latest();

    @Message("取込拒否イベントはありません。")
    String rejected_none();

    @Message("security.events.dlq の最新レコードです。時刻は日本時間。修正した値は元のキーで security.events.raw に再送され、再送者は記録されます。")
    String rejected_note();

    @Message("理由")
    String rejected_reason();

    @Message("再送する")
    String rejected_replay();

    @Message("再送しました")
    String rejected_replayed();

    @Message("元の値")
    String rejected_show_value();

    @Message("元のトピック / パーティション / オフセット")
    String rejected_source();

    @Message("値")
    String rejected_value();

    @Message("はい")
    String yes();

    @Message("元の値はUTF-8ではないため base64 で表示しています。修正後も base64 のまま入力してください。")
    String rejected_base64();

    @Message("この情報資産を削除しますか:")
    String asset_delete_confirm();

    @Message("氏名（英語）")
    String contact_name_en();

    @Message("メールアドレス")
    String contact_email();

    @Message("通知の言語")
    String contact_language();

    @Message("Webhook（エンドポイント名、カンマ区切り）")
    String contact_webhooks();

    @Message("代理者のID（優先順、カンマ区切り）")
    String contact_deputies_ids();

    @Message("担当者を登録")
    String contact_new();

    @Message("編集")
    String contact_edit();

    // ---- Issue 6, incident detail evidence (branch detail): detections, controls, severity reasons, assets

    @Message("重大度の引上げ理由は記録されていません")
    String evidence_no_reasons();

    @Message("検知が示す統制違反はありません")
    String evidence_no_controls();

    @Message("影響を受ける情報資産")
    String evidence_assets();

    @Message("情報資産台帳に登録がありません")
    String evidence_asset_unlisted();

    @Message("情報資産台帳に該当する資産はありません")
    String evidence_no_assets();

    @Message("検知")
    String evidence_detections();

    @Message("ルール")
    String evidence_rule();

    @Message("件数")
    String evidence_count();

    @Message("初回 – 最終")
    String evidence_period();

    @Message("ホスト・ユーザー・送信元")
    String evidence_where();

    @Message("サンプルイベント")
    String evidence_sample();

    @Message("サンプルイベントはありません")
    String evidence_no_samples();

    @Message("検知はありません（手動報告）")
    String evidence_no_detections();

    @Message("先頭のみ表示、元は {originalBytes} バイト")
    String evidence_sample_truncated(long originalBytes);

    // ---- Issue 6, contacts and escalation editing (branch detail): escalation policy and department forms

    @Message("通知先・エスカレーションまでの時間を重大度ごとに変更できます。時間が空欄ならエスカレーションしません（1分以上）。保存後に始まるエスカレーションから適用されます。")
    String contact_policy_edit_note();

    @Message("分")
    String contact_policy_minutes();

    @Message("しない")
    String contact_policy_never_hint();

    @Message("保存")
    String contact_policy_save();

    @Message("名称（英語）")
    String contact_dept_name_en();

    @Message("（未設定）")
    String contact_dept_no_manager();

    @Message("変更を保存")
    String contact_dept_save();

    @Message("課を追加")
    String contact_dept_new();

    @Message("この課を削除しますか:")
    String contact_dept_delete_confirm();

    @Message("重大度「{severity}」の方針を保存しました。")
    String contact_policy_saved(String severity);

    @Message("課 {id} を保存しました。")
    String contact_dept_saved(String id);

    // ---- Dashboard: incidents over time and pipeline rates (issue 6, branch dash) ----

    @Message("インシデントの受付・終結の推移")
    String dash_flow();

    @Message("1時間ごと")
    String dash_per_hour();

    @Message("1日ごと")
    String dash_per_day();

    @Message("数値を表示")
    String dash_figures();

    @Message("時")
    String dash_hour();

    @Message("日")
    String dash_day();

    @Message("合計")
    String dash_total();

    @Message("取込パイプライン")
    String dash_pipeline();

    @Message("直近")
    String dash_pipeline_window();

    @Message("秒")
    String dash_seconds();

    @Message("件/秒")
    String dash_per_second();

    @Message("件数")
    String dash_pipeline_count();

    @Message("累計（終端オフセット）")
    String dash_end_offset();

    @Message("取込イベント")
    String dash_events();

    @Message("検知")
    String dash_detections();

    @Message("取込拒否")
    String dash_dead_letters();

    @Message("通知の配信失敗")
    String dash_notification_dead_letters();

    @Message("取込拒否率（取込拒否 / 取込イベント）")
    String dash_dead_letter_rate();

    @Message("1 日")
    String dash_one_day();

    @Message("Kafka のトピック終端オフセットを数秒ごとに採取した値です（detection-streams のレプリカ数によらず正確）。トランザクションで書かれたトピックではコミットマーカーも数えるため、わずかに多く表示されます。グラフは直近1時間。")
    String dash_pipeline_note();

    // ---- Rejected events: replay marks (issue 6, branch dash) ----

    @Message("再送済み")
    String rejected_mark();

    @Message("回")
    String rejected_mark_times();

    @Message("初回")
    String rejected_mark_first();

    @Message("再送済み — もう一度修正して再送")
    String rejected_fix_replay_again();

    @Message("再送済みであることを確認しました。もう一度再送します。")
    String rejected_again_confirm();

    @Message("もう一度再送する")
    String rejected_replay_again();

    // ---- Report: reporting obligations met on time (issue 6, branch dash) ----

    @Message("報告義務の期限遵守")
    String report_obligations();

    @Message("期間内に期限が来た報告義務（期限のないものは期間内に受付けたインシデントの分）を、現時点の状況で数えます。DOMAIN §6・基本方針 §6(7)。")
    String report_obligations_note();

    @Message("報告義務")
    String report_obligation();

    @Message("期間内に期限")
    String report_ob_due();

    @Message("期限内に完了")
    String report_ob_on_time();

    @Message("期限後に完了")
    String report_ob_late();

    @Message("免除")
    String report_ob_waived();

    @Message("未完了")
    String report_ob_open();

    @Message("うち期限超過")
    String report_ob_overdue();

    @Message("期限なし")
    String report_ob_no_deadline();

    @Message("理由あり")
    String report_ob_with_reason();

    @Message("免除の理由")
    String report_ob_reasons();

    @Message("理由")
    String report_ob_reason();

    @Message("件数")
    String report_ob_count();
}
