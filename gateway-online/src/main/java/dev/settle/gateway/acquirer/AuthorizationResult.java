package dev.settle.gateway.acquirer;

import dev.settle.gateway.ErrorCode;

/**
 * The acquirer's answer to an authorisation.
 *
 * @param pspReference the acquirer's reference of the payment (present for approvals and declines)
 * @param declineCode null when approved; otherwise the decline, in the gateway's vocabulary
 */
public record AuthorizationResult(String pspReference, ErrorCode declineCode) {

    public boolean approved() {
        return declineCode == null;
    }
}
