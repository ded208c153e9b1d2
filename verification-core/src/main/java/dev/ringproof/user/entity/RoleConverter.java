package dev.ringproof.user.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wireName();
    }

    @Override
    public Role convertToEntityAttribute(String name) {
        return name == null
                ? null
                : Role.fromWireName(name)
                        .orElseThrow(() -> new IllegalStateException("unknown role in database: " + name));
    }
}
