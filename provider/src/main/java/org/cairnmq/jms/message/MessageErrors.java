package org.cairnmq.jms.message;

import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

/**
 * The user-facing exceptions of the message types, each with a stable message id ({@code CAIRN-Mnnn})
 * so that a log line or a support question can be traced to the rule that raised it.
 */
final class MessageErrors {

    private MessageErrors() {
    }

    static MessageFormatException invalidConversion(Object value, String targetType) {
        String sourceType = value == null ? "null" : value.getClass().getSimpleName();
        return new MessageFormatException(
            "CAIRN-M001: a " + sourceType + " value cannot be read as " + targetType);
    }

    static MessageFormatException unsupportedValueType(Object value) {
        return new MessageFormatException(
            "CAIRN-M002: values of type " + value.getClass().getName() + " are not allowed here");
    }

    static MessageNotWriteableException propertiesReadOnly() {
        return new MessageNotWriteableException(
            "CAIRN-M003: the properties of a received message are read-only until clearProperties()");
    }

    static MessageNotWriteableException bodyReadOnly() {
        return new MessageNotWriteableException(
            "CAIRN-M004: the message body is read-only (received, or reset()); call clearBody() to write");
    }

    static MessageNotReadableException bodyWriteOnly() {
        return new MessageNotReadableException(
            "CAIRN-M005: the message body is write-only; call reset() before reading");
    }

    static MessageEOFException endOfBody() {
        return new MessageEOFException("CAIRN-M006: unexpected end of the message body");
    }

    static MessageFormatException streamBodyNotAssignable() {
        return new MessageFormatException(
            "CAIRN-M007: the body of a StreamMessage cannot be returned by getBody");
    }

    static MessageFormatException bodyNotAssignable(Class<?> bodyType, Class<?> requested) {
        return new MessageFormatException(
            "CAIRN-M008: a body of type " + bodyType.getName() + " is not assignable to "
                + requested.getName());
    }

    static MessageFormatException unfinishedBytesField() {
        return new MessageFormatException(
            "CAIRN-M009: the current byte[] field must be read to its end before the next field");
    }

    static MessageFormatException serializationFailed(String what, Exception cause) {
        MessageFormatException e = new MessageFormatException(
            "CAIRN-M010: object " + what + " failed: " + cause);
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    static MessageFormatException malformedUtf(Exception cause) {
        MessageFormatException e = new MessageFormatException(
            "CAIRN-M011: the bytes are not valid modified UTF-8: " + cause.getMessage());
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    static MessageFormatException stringTooLong(Exception cause) {
        MessageFormatException e = new MessageFormatException(
            "CAIRN-M018: the string is longer than the 65535 bytes modified UTF-8 can carry");
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    static IllegalArgumentException invalidName(String kind, String name, String reason) {
        return new IllegalArgumentException(
            "CAIRN-M012: invalid " + kind + " name '" + name + "': " + reason);
    }
}
