package dev.ringproof.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleCallerTest {

    @Test
    void theCallerAndRolesComeBackFromTheSessionsSerializedForm() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ConsoleCaller("admin", Set.of("admin", "billing")));
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(new ConsoleCaller("admin", Set.of("billing", "admin")));
        }
    }

    @Test
    void theRolesAreACopyNobodyChangesLater() {
        var roles = new HashSet<>(Set.of("billing"));
        var caller = new ConsoleCaller("ann", roles);
        roles.add("admin");
        assertThat(caller.groups()).containsExactly("billing");
    }
}
