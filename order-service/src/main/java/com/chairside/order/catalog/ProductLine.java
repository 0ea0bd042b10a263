package com.chairside.order.catalog;

/** The equipment lines the company makes, one per specialty it serves. */
public enum ProductLine {

	ORTHODONTIC, ORAL_SURGERY, PEDIATRIC

}
