package dev.ringproof.tenant.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The statuses are stored as the words the column always held, which its check constraint allows. */
class TenantStatusTest {

    private final TenantStatus.Column column = new TenantStatus.Column();

    @Test
    void storesTheWordsTheColumnHeldBefore() {
        assertThat(column.convertToDatabaseColumn(TenantStatus.ACTIVE)).isEqualTo("active");
        assertThat(column.convertToDatabaseColumn(TenantStatus.SUSPENDED)).isEqualTo("suspended");
        assertThat(column.convertToEntityAttribute("suspended")).isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void anUnknownStoredWordIsAnErrorNotANull() {
        assertThatThrownBy(() -> column.convertToEntityAttribute("ACTIVE")).isInstanceOf(IllegalStateException.class);
    }
}
