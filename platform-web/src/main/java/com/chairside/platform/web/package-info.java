/** problem+json answers for every error a client can cause. */
package com.chairside.platform.web;
