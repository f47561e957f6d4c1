package io.sunboard.server.posting;

/**
 * The disclosure attribute decided in the confidentiality review (政府信息公开条例). Every
 * attribute but proactive needs a reason.
 */
public enum DisclosureAttribute {

	/** 主动公开: shown on public screens and pages. */
	PROACTIVE,
	/** 依申请公开: given to those who ask, not shown publicly. */
	ON_REQUEST,
	/** 不予公开: not disclosed. */
	NOT_DISCLOSED,
	/** 内部公开: shown to staff only. */
	INTERNAL;

	public boolean needsReason() {
		return this != PROACTIVE;
	}

}
