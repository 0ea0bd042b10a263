/** HTTP adapter of the approvals list. */
package com.chairside.order.approval.web;
