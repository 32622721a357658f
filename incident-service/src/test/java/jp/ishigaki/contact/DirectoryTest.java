package jp.ishigaki.contact;

import jp.ishigaki.contact.domain.Assignment;
import jp.ishigaki.contact.domain.Availability;
import jp.ishigaki.contact.domain.ContactRole;
import jp.ishigaki.contact.domain.Department;
import jp.ishigaki.contact.domain.Directory;
import jp.ishigaki.contact.domain.Person;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryTest {

    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    static Person person(String id, String name, String dept, Set<ContactRole> roles, List<String> deputies,
                         Availability availability) {
        return new Person(id, name, null, id + "@example.jp", "ja", dept, roles, List.of(), deputies, availability);
    }

    final Person op1 = person("op1", "青木 一郎", null, Set.of(ContactRole.OPERATOR), List.of("op3", "op2"),
            Availability.unavailable("病気休暇", null));
    final Person op2 = person("op2", "井上 二郎", null, Set.of(), List.of(), Availability.AVAILABLE);
    final Person op3 = person("op3", "上田 三郎", null, Set.of(), List.of(), Availability.unavailable("出張", null));
    final Person mgrShimin = person("m1", "加藤 花子", "shimin", Set.of(ContactRole.MANAGER), List.of(), null);
    final Person mgrZeimu = person("m2", "木村 桜", "zeimu", Set.of(ContactRole.MANAGER), List.of(), null);
    final Person sup = person("s1", "佐藤 統括", null, Set.of(ContactRole.SUPERVISOR), List.of(), null);
    final Person ciso = person("c1", "副市長 太郎", null, Set.of(ContactRole.CISO), List.of("s1"),
            Availability.unavailable("海外出張", NOW.plus(Duration.ofDays(2))));
    final List<Department> departments = List.of(new Department("shimin", "市民課", null, "m1"),
            new Department("zeimu", "税務課", null, null), new Department("kikaku", "企画課", null, null));

    final Directory directory = new Directory(List.of(op1, op2, op3, mgrShimin, mgrZeimu, sup, ciso), departments);

    @Test
    void shouldReplaceAnUnavailablePersonByTheFirstAvailableDeputy() {
        List<Assignment> operators = directory.assign(EnumSet.of(ContactRole.OPERATOR), null, NOW);
        assertThat(operators).extracting(a -> a.person().id()).containsExactly("op2");
        Assignment redirected = operators.get(0);
        assertThat(redirected.redirected()).isTrue();
        assertThat(redirected.absent().id()).isEqualTo("op1");
        assertThat(redirected.reason()).isEqualTo("病気休暇");
    }

    @Test
    void shouldNotifyAPersonOnlyOncePerRoleWhenTheyAlsoStandInForAColleague() {
        Person other = person("op4", "江藤 四郎", null, Set.of(ContactRole.OPERATOR), List.of("op2"),
                Availability.unavailable("休暇", null));
        Person op2AsOperator = person("op2", "井上 二郎", null, Set.of(ContactRole.OPERATOR), List.of(), null);
        Directory d = new Directory(List.of(op1, op2AsOperator, op3, other), departments);
        assertThat(d.assign(EnumSet.of(ContactRole.OPERATOR), null, NOW)).extracting(a -> a.person().id())
                .containsExactly("op2");
    }

    @Test
    void shouldReturnToThePersonOnceTheirAbsenceHasEnded() {
        List<Assignment> later = directory.assign(EnumSet.of(ContactRole.CISO), null, NOW.plus(Duration.ofDays(3)));
        assertThat(later).extracting(a -> a.person().id()).containsExactly("c1");
        assertThat(later.get(0).redirected()).isFalse();

        List<Assignment> now = directory.assign(EnumSet.of(ContactRole.CISO), null, NOW);
        assertThat(now).extracting(a -> a.person().id()).containsExactly("s1");
        assertThat(now.get(0).reason()).isEqualTo("海外出張（2026-11-28 10:00 まで）");
    }

    @Test
    void shouldResolveTheWholeChainInEscalationOrderForADepartment() {
        List<Assignment> chain = directory.assign(EnumSet.allOf(ContactRole.class), "市民課", NOW);
        assertThat(chain).extracting(a -> a.role() + ":" + a.person().id())
                .containsExactly("OPERATOR:op2", "MANAGER:m1", "SUPERVISOR:s1", "CISO:s1");
    }

    @Test
    void shouldFindTheManagerByDepartmentAndFallBackToAllManagers() {
        assertThat(directory.assign(EnumSet.of(ContactRole.MANAGER), "shimin", NOW))
                .extracting(a -> a.person().id()).containsExactly("m1");
        assertThat(directory.assign(EnumSet.of(ContactRole.MANAGER), "zeimu", NOW))
                .as("no appointed manager: the managers working in the department")
                .extracting(a -> a.person().id()).containsExactly("m2");
        assertThat(directory.assign(EnumSet.of(ContactRole.MANAGER), "kikaku", NOW))
                .as("nobody in the department: every manager").extracting(a -> a.person().id())
                .containsExactly("m1", "m2");
        assertThat(directory.assign(EnumSet.of(ContactRole.MANAGER), null, NOW))
                .extracting(a -> a.person().id()).containsExactly("m1", "m2");
    }

    @Test
    void shouldLeaveARoleUncoveredWhenNoDeputyIsAvailable() {
        Person alone = person("x", "一人 だけ", null, Set.of(ContactRole.SUPERVISOR), List.of("op3"),
                Availability.unavailable(null, null));
        Directory d = new Directory(List.of(alone, op3), List.of());
        assertThat(d.assign(EnumSet.of(ContactRole.SUPERVISOR), null, NOW)).isEmpty();
    }
}
