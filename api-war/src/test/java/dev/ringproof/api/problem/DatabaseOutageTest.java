package dev.ringproof.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aBrokenConnectionDeepInTheChainIsAnOutage() {
        var broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        var wrapped = new EJBException(new PersistenceException(new RuntimeException(broken)));

        assertThat(DatabaseOutage.causes(wrapped)).isTrue();
        assertThat(new UnexpectedErrorMapper().toResponse(wrapped).getStatus()).isEqualTo(503);
    }

    @Test
    void aShuttingDownServerIsAnOutage() {
        assertThat(DatabaseOutage.causes(new PersistenceException(
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
    }

    @Test
    void aCommitOnADeadConnectionIsAnOutage() {
        var commit = new EJBException("Unable to complete container-managed transaction.", (Exception)
                new jakarta.transaction.SystemException()
                        .initCause(new javax.transaction.xa.XAException(
                                "jakarta.resource.ResourceException: This Managed Connection is not valid")));

        assertThat(DatabaseOutage.causes(commit)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        var duplicate = new PersistenceException(new SQLException("duplicate key", "23505"));

        assertThat(DatabaseOutage.causes(duplicate)).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("bug"))).isFalse();
        assertThat(new UnexpectedErrorMapper().toResponse(duplicate).getStatus())
                .isEqualTo(500);
    }
}
