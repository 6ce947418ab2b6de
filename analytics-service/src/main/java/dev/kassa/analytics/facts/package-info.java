/** The sale facts (sales, refunds, tenders) and the margin every report computes from them every report is computed from; uses no other feature. */
package dev.kassa.analytics.facts;
