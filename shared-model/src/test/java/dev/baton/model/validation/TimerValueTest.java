package dev.baton.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.model.EventDefinition.TimerKind;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** ISO 8601 timer values as BPMN files write them, and when the engine fires them. */
class TimerValueTest {

    static final Instant NOW = Instant.parse("2026-01-10T08:00:00Z");

    static Instant at(String iso) { return Instant.parse(iso); }

    // durations

    @ParameterizedTest
    @CsvSource({
            "PT15M, 0, 900",
            "PT1H30M, 0, 5400",
            "PT0.5S, 0, 0.5",
            "'PT1,5S', 0, 1.5",
            "P1D, 1, 0",
            "P2W, 14, 0",
            "P1DT12H, 1, 43200",
            "PT36H, 0, 129600",
    })
    void durationsReadAsCalendarDaysPlusClockTime(String text, int days, double seconds) {
        TimerValue.Delay delay = TimerValue.parseDuration(text);

        assertThat(delay.span().period()).isEqualTo(Period.ofDays(days));
        assertThat(delay.span().time()).isEqualTo(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    @Test
    void monthsAndYearsFollowTheCalendar() {
        TimerValue.Delay oneMonth = TimerValue.parseDuration("P1M");

        assertThat(oneMonth.nextFireTimes(at("2026-01-31T00:00:00Z"), 5)).containsExactly(at("2026-02-28T00:00:00Z"));
        assertThat(TimerValue.parseDuration("P1Y").firstDue(at("2028-02-29T10:00:00Z"))).isEqualTo(at("2029-02-28T10:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "10 minutes", "P", "PT", "P1H", "PT1D", "15M", "-PT5M", "P1.5D", "PT5M ago", "P1DT", "P999999999999Y", "P999999999Y"})
    void invalidDurationsAreRefusedWithAnExample(String text) {
        assertThatThrownBy(() -> TimerValue.parse(TimerKind.DURATION, text))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).matches(".*(ISO 8601 duration such as PT10M|is empty|too long a duration).*"));
    }

    // dates

    @ParameterizedTest
    @CsvSource({
            "2026-03-01T09:00:00Z, 2026-03-01T09:00:00Z",
            "2026-03-01T10:00:00+01:00, 2026-03-01T09:00:00Z",
            "2026-03-01T09:00, 2026-03-01T09:00:00Z",
            "2026-07-01T11:00:00+02:00[Europe/Berlin], 2026-07-01T09:00:00Z",
    })
    void datesWithOrWithoutAnOffset(String text, String expected) {
        assertThat(TimerValue.parseDate(text).at()).isEqualTo(at(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-03-01", "2026-13-01T09:00:00Z", "01.03.2026 09:00", "PT5M"})
    void invalidDatesAreRefused(String text) {
        assertThatThrownBy(() -> TimerValue.parse(TimerKind.DATE, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z");
    }

    @Test
    void aDateFiresOnceAndADatePassedIsDueAtOnce() {
        TimerValue date = TimerValue.parseDate("2026-03-01T09:00:00Z");

        assertThat(date.nextFireTimes(NOW, 3)).containsExactly(at("2026-03-01T09:00:00Z"));
        assertThat(date.nextFireTimes(at("2026-04-01T00:00:00Z"), 3)).isEmpty();
        assertThat(date.firstDue(at("2026-04-01T00:00:00Z"))).isEqualTo(at("2026-03-01T09:00:00Z"));
    }

    // cycles

    @Test
    void aCountedCycleWithoutStartFiresIntervalsAfterItIsSet() {
        TimerValue.Cycle cycle = TimerValue.parseCycle("R3/PT10M");

        assertThat(cycle.repetitions()).isEqualTo(3);
        assertThat(cycle.nextFireTimes(NOW, 10)).containsExactly(
                at("2026-01-10T08:10:00Z"), at("2026-01-10T08:20:00Z"), at("2026-01-10T08:30:00Z"));
        assertThat(cycle.firstDue(NOW)).isEqualTo(at("2026-01-10T08:10:00Z"));
    }

    @Test
    void anEndlessCycleGivesAsManyAsAskedFor() {
        assertThat(TimerValue.parseCycle("R/P1D").nextFireTimes(NOW, 2))
                .containsExactly(at("2026-01-11T08:00:00Z"), at("2026-01-12T08:00:00Z"));
    }

    @Test
    void aCycleWithAStartFiresAtTheStartThenEveryInterval() {
        TimerValue.Cycle cycle = TimerValue.parseCycle("R2/2026-02-01T09:00:00Z/P1W");

        assertThat(cycle.firstDue(NOW)).isEqualTo(at("2026-02-01T09:00:00Z"));
        assertThat(cycle.nextFireTimes(NOW, 5)).containsExactly(at("2026-02-01T09:00:00Z"), at("2026-02-08T09:00:00Z"));
    }

    @Test
    void firesBeforeFromCountAsUsedUp() {
        TimerValue.Cycle cycle = TimerValue.parseCycle("R5/2026-01-10T06:00:00Z/PT1H");

        // 06:00, 07:00 and 08:00 are not after 08:00: two of five remain
        assertThat(cycle.nextFireTimes(NOW, 10)).containsExactly(at("2026-01-10T09:00:00Z"), at("2026-01-10T10:00:00Z"));
    }

    @Test
    void aCycleStartedLongAgoWithAShortIntervalSkipsAheadQuickly() {
        TimerValue.Cycle cycle = TimerValue.parseCycle("R/2000-01-01T00:00:00Z/PT1S");
        TimerValue.Cycle ancient = TimerValue.parseCycle("R/0001-01-01T00:00:00Z/PT0.001S");

        assertThat(cycle.nextFireTimes(NOW, 2)).containsExactly(at("2026-01-10T08:00:01Z"), at("2026-01-10T08:00:02Z"));
        assertThat(ancient.nextFireTimes(NOW, 1)).containsExactly(at("2026-01-10T08:00:00.001Z"));
    }

    @Test
    void anEndDateStopsTheCycle() {
        assertThat(TimerValue.parseCycle("R/PT1H/2026-01-10T10:30:00Z").nextFireTimes(NOW, 10))
                .containsExactly(at("2026-01-10T09:00:00Z"), at("2026-01-10T10:00:00Z"));
        assertThat(TimerValue.parseCycle("R/2026-01-10T09:00:00Z/PT1H/2026-01-10T11:00:00Z").nextFireTimes(NOW, 10))
                .containsExactly(at("2026-01-10T09:00:00Z"), at("2026-01-10T10:00:00Z"), at("2026-01-10T11:00:00Z"));
    }

    @Test
    void aStartAndEndGiveTheInterval() {
        TimerValue.Cycle cycle = TimerValue.parseCycle("R2/2026-01-10T09:00:00Z/2026-01-10T09:30:00Z");

        assertThat(cycle.interval().time()).isEqualTo(Duration.ofMinutes(30));
        assertThat(cycle.nextFireTimes(NOW, 5)).containsExactly(at("2026-01-10T09:00:00Z"), at("2026-01-10T09:30:00Z"));
    }

    @Test
    void zeroRepetitionsNeverFire() {
        TimerValue.Cycle cycle = TimerValue.parseCycle("R0/PT1M");

        assertThat(cycle.nextFireTimes(NOW, 3)).isEmpty();
        assertThat(cycle.firstDue(NOW)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT10M", "R3", "R3/", "Rx/PT1M", "R3/PT0S", "R/PT1M/PT2M", "R/2026-01-02T00:00:00Z/2026-01-01T00:00:00Z",
            "R/2026-01-02T00:00:00Z/PT1H/2026-01-01T00:00:00Z", "R/a/b/c/d", "0 0/5 * * * ?", "R3/tomorrow/PT1H"})
    void invalidCyclesAreRefused(String text) {
        assertThatThrownBy(() -> TimerValue.parse(TimerKind.CYCLE, text)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(text.strip().isEmpty() ? "empty" : "'"));
    }

    @Test
    void aCronExpressionGetsAHint() {
        assertThatThrownBy(() -> TimerValue.parseCycle("0 0/5 * * * ?")).hasMessageContaining("cron expressions are not supported");
    }

    @Test
    void expressionsAreLeftToTheEngine() {
        assertThat(TimerValue.isExpression("${delay}")).isTrue();
        assertThat(TimerValue.isExpression("#{bean.delay}")).isTrue();
        assertThat(TimerValue.isExpression("= duration(\"PT1H\")")).isTrue();
        assertThat(TimerValue.isExpression("PT1H")).isFalse();
        assertThat(TimerValue.isExpression(null)).isFalse();
    }

    @Test
    void aTimerWithoutKindIsRefused() {
        assertThatThrownBy(() -> TimerValue.parse(TimerKind.NONE, "PT1H")).hasMessageContaining("neither a date, a duration nor a cycle");
    }
}
