package dev.kassa.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request whose declared rules the domain checks itself, through {@link RequestRules#check}, together with the rules that
 * need the stored record or the database (a name already taken, a group that exists, the fields a PATCH leaves required),
 * so that one answer names every broken rule of a form. Every other request body is {@code @Valid} at its controller; the
 * architecture rules allow nothing else.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DomainValidated {}
