package jp.ishigaki.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jp.ishigaki.console.policy.PolicyClause;
import jp.ishigaki.console.policy.PolicyRef;
import jp.ishigaki.console.queue.QueueFilter;
import jp.ishigaki.metrics.pipeline.PipelineRates;

import java.util.List;

/** The console's type-checked Qute templates (src/main/resources/templates/console/). */
@CheckedTemplate(basePath = "console")
final class ConsoleTemplates {

    private ConsoleTemplates() {
    }

    static native TemplateInstance login(String lang, boolean error, boolean loggedOut);

    /** 404 for a console path that leads nowhere: standalone like the login page (no resource ran, so no CSRF token). */
    static native TemplateInstance unknownPage(String lang);

    static native TemplateInstance queue(Page page, QueueFilter filter, List<IncidentRow> rows, List<PolicyRef> threats);

    static native TemplateInstance queueTable(Page page, List<IncidentRow> rows);

    static native TemplateInstance detail(Page page, IncidentDetail incident, IncidentEvidence evidence, boolean canAct,
                                         String error);

    static native TemplateInstance notFound(Page page);

    static native TemplateInstance dashboard(Page page, int days, List<Integer> periods, List<DashboardPage.Bar> open,
                                             List<DashboardPage.Bar> byGroup, List<DashboardPage.Bar> bySegment,
                                             List<DashboardPage.Times> times, List<DashboardPage.FlowBucket> flow,
                                             boolean hourly, PipelineRates.Snapshot pipeline, String model);

    static native TemplateInstance report(Page page, String from, String to, List<ReportPage.Line> byGroup,
                                          List<ReportPage.Line> bySegment, List<ReportPage.Line> bySeverity,
                                          List<ReportPage.Obligation> obligations, List<ReportPage.Waiver> waivers);

    static native TemplateInstance policy(Page page, List<PolicyClause> clauses, List<PolicyRef> threats,
                                          List<PolicyRef> controls);

    static native TemplateInstance policyPanel(String lang, PolicyClause clause, List<PolicyRef> refs);
}
