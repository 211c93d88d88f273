package dev.baton.designer.model;

import dev.baton.model.EventDefinition.TimerKind;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TimerPreviewTest {

    private final ZonedDateTime now = ZonedDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aCycleSaysHowOftenHowManyTimesAndTheNextTimes() {
        assertThat(TimerPreview.describe(TimerKind.CYCLE, "R3/PT10M", now))
                .isEqualTo("Fires every 10 minutes, 3 times. Next: Sun 22 Nov 2026 09:10; Sun 22 Nov 2026 09:20; Sun 22 Nov 2026 09:30.");
    }

    @Test
    void aDurationAndADateInWords() {
        assertThat(TimerPreview.describe(TimerKind.DURATION, "P1DT2H", now)).startsWith("Fires 1 day 2 hours after the token arrives");
        assertThat(TimerPreview.describe(TimerKind.DATE, "2026-11-24T09:00:00Z", now)).isEqualTo("Fires once at Tue 24 Nov 2026 09:00 (in 2 days).");
    }

    @Test
    void badValuesAndExpressionsAreSaidPlainly() {
        assertThat(TimerPreview.describe(TimerKind.DURATION, "ten minutes", now)).startsWith("Not a valid ISO 8601 duration");
        assertThat(TimerPreview.describe(TimerKind.DURATION, "${delay}", now)).startsWith("Computed when the token arrives");
    }
}
