package com.chairside.lead.lead;

/** Why a lead is no longer pursued; the free-text note says the rest. */
public enum DisqualificationReason {

	NO_BUDGET, NO_NEED, BOUGHT_FROM_COMPETITOR, NOT_REACHABLE, OUT_OF_TERRITORY, NOT_A_PRACTICE, OTHER

}
