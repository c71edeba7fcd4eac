package org.cairnmq.server.broker;

import org.cairnmq.protocol.command.ErrorCode;

/** The broker's user-facing errors, each with its stable id. */
public final class BrokerErrors {

    private BrokerErrors() {
    }

    /**
     * @param name the destination's name
     * @return CAIRN-2001
     */
    public static BrokerException destinationNotFound(String name) {
        return new BrokerException(ErrorCode.INVALID_DESTINATION, "CAIRN-2001 Destination '" + name
                + "' does not exist");
    }

    /**
     * @param reason why the name is not valid
     * @return CAIRN-2002
     */
    public static BrokerException invalidDestination(String reason) {
        return new BrokerException(ErrorCode.INVALID_DESTINATION, "CAIRN-2002 Invalid destination: " + reason);
    }

    /**
     * @param name the temporary destination's name
     * @return CAIRN-2003
     */
    public static BrokerException notOwner(String name) {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, "CAIRN-2003 Temporary destination '" + name
                + "' belongs to another connection");
    }

    /**
     * @param name the destination's name
     * @return CAIRN-2004
     */
    public static BrokerException destinationInUse(String name) {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, "CAIRN-2004 Destination '" + name
                + "' has active consumers");
    }

    /**
     * @param what what is not supported yet
     * @return CAIRN-2005
     */
    public static BrokerException unsupported(String what) {
        return new BrokerException(ErrorCode.INVALID_DESTINATION, "CAIRN-2005 Not supported by this broker: "
                + what);
    }

    /**
     * @param what the unknown thing, e.g. "consumer 5"
     * @return CAIRN-2006
     */
    public static BrokerException unknown(String what) {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, "CAIRN-2006 Unknown " + what);
    }

    /**
     * @param what the duplicate thing, e.g. "consumer 5"
     * @return CAIRN-2007
     */
    public static BrokerException alreadyExists(String what) {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, "CAIRN-2007 Already exists: " + what);
    }

    /**
     * @param reason why the subscription request conflicts with the subscription's state
     * @return CAIRN-2020
     */
    public static BrokerException subscriptionState(String reason) {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, "CAIRN-2020 Subscription refused: " + reason);
    }

    /**
     * @param name the subscription's name
     * @return CAIRN-2021
     */
    public static BrokerException subscriptionNotFound(String name) {
        return new BrokerException(ErrorCode.INVALID_DESTINATION, "CAIRN-2021 Durable subscription '" + name
                + "' does not exist");
    }

    /**
     * @param clientId the client id
     * @return CAIRN-2022
     */
    public static BrokerException clientIdInUse(String clientId) {
        return new BrokerException(ErrorCode.INVALID_CLIENT_ID, "CAIRN-2022 Client id '" + clientId
                + "' is empty or in use by another connection");
    }

    /**
     * @return CAIRN-2023
     */
    public static BrokerException clientIdAlreadySet() {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, "CAIRN-2023 The connection already has a client id");
    }

    /**
     * @param reason the parser's message
     * @return CAIRN-2010
     */
    public static BrokerException invalidSelector(String reason) {
        return new BrokerException(ErrorCode.INVALID_SELECTOR, "CAIRN-2010 Invalid message selector: " + reason);
    }

    /**
     * @param lengthBytes the record's length
     * @param maxBytes the limit
     * @return CAIRN-2101
     */
    public static BrokerException messageTooLarge(int lengthBytes, int maxBytes) {
        return new BrokerException(ErrorCode.MESSAGE_TOO_LARGE, "CAIRN-2101 Message of " + lengthBytes
                + " bytes exceeds the broker's maximum of " + maxBytes);
    }

    /**
     * @param reason the record's defect
     * @return CAIRN-2102
     */
    public static BrokerException malformedRecord(String reason) {
        return new BrokerException(ErrorCode.MESSAGE_FORMAT, "CAIRN-2102 Malformed message record: " + reason);
    }

    /**
     * @param blockMs how long the send waited
     * @return CAIRN-2301
     */
    public static BrokerException diskHighWater(long blockMs) {
        return new BrokerException(ErrorCode.RESOURCE_ALLOCATION, "CAIRN-2301 Store disk above its high-water mark"
                + " for " + blockMs + " ms; send refused");
    }

    /**
     * @return CAIRN-2302
     */
    public static BrokerException diskFull() {
        return new BrokerException(ErrorCode.RESOURCE_ALLOCATION, "CAIRN-2302 Store disk full; send refused");
    }

    /**
     * @param status the store's status
     * @return CAIRN-2900
     */
    public static BrokerException storeFailure(String status) {
        return new BrokerException(ErrorCode.INTERNAL, "CAIRN-2900 The store could not append: " + status);
    }

    /**
     * @param reason why the commit failed
     * @return CAIRN-2401
     */
    public static BrokerException rolledBack(String reason) {
        return new BrokerException(ErrorCode.TRANSACTION_ROLLED_BACK, "CAIRN-2401 Transaction rolled back: "
                + reason);
    }

    /**
     * @return CAIRN-2901
     */
    public static BrokerException closed() {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, "CAIRN-2901 The broker is closed");
    }

    /**
     * An XA call refused with its XA error code (docs/PROTOCOL.md, "XA transactions").
     *
     * @param code one of the XA_* error codes
     * @param reason what happened to which branch
     * @return CAIRN-2450
     */
    public static BrokerException xa(ErrorCode code, String reason) {
        return new BrokerException(code, "CAIRN-2450 " + reason);
    }
}
