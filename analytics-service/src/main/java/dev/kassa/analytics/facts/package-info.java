/** The sale facts (sales, refunds, tenders) every report is computed from; uses no other feature. */
package dev.kassa.analytics.facts;
