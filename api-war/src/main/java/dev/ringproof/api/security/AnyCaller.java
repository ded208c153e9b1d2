package dev.ringproof.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource open to any caller, which checks what it needs itself (a carrier's signature,
 * the sandbox's own rule). Stated on purpose: a resource that says neither this nor
 * {@link Callers} is closed to everybody.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyCaller {}
