package dev.ringproof.webhook.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** An event's state is stored as the words the column always held, which its check constraint allows. */
class DeliveryStateTest {

    private final DeliveryState.Column column = new DeliveryState.Column();

    @Test
    void storesTheWordsTheColumnHeldBefore() {
        assertThat(column.convertToDatabaseColumn(DeliveryState.PENDING)).isEqualTo("pending");
        assertThat(column.convertToDatabaseColumn(DeliveryState.DELIVERED)).isEqualTo("delivered");
        assertThat(column.convertToDatabaseColumn(DeliveryState.FAILED)).isEqualTo("failed");
        assertThat(column.convertToEntityAttribute("delivered")).isEqualTo(DeliveryState.DELIVERED);
        assertThatThrownBy(() -> column.convertToEntityAttribute("lost")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventIsPendingUntilDeliveredOrGivenUpAndPendingAgainWhenReplayed() {
        var event = new WebhookEvent("evt_1", "tn_1", "verification.approved", "{}", OffsetDateTime.now());
        assertThat(event.isPending()).isTrue();
        event.failed();
        assertThat(event.state()).isEqualTo(DeliveryState.FAILED);
        event.retryFromScratch();
        assertThat(event.isPending()).isTrue();
        event.delivered();
        assertThat(event.state()).isEqualTo(DeliveryState.DELIVERED);
    }
}
