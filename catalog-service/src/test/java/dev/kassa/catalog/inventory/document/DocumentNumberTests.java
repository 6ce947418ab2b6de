package dev.kassa.catalog.inventory.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Document numbers as the barcodes carry them: each kind written once and read back, whatever a scanner adds. */
class DocumentNumberTests {

    @Test
    void eachKindOfNumberIsReadBackAsTheRecordItNames() {
        assertThat(DocumentNumber.parse(DocumentNumber.orderReceipt("PO-000012", 2)))
                .contains(new DocumentNumber(DocumentNumber.Kind.ORDER_RECEIPT, "PO-000012", 2, null));
        assertThat(DocumentNumber.parse(DocumentNumber.batchReceipt(123)))
                .contains(new DocumentNumber(DocumentNumber.Kind.BATCH_RECEIPT, null, 123, null));
        assertThat(DocumentNumber.parse(DocumentNumber.transfer("TR-000007", "depot_ab12cd34")))
                .contains(new DocumentNumber(DocumentNumber.Kind.TRANSFER, "TR-000007", 0, "ab12cd34"));
        assertThat(DocumentNumber.parse("MOVE-0A1B2C3D"))
                .contains(new DocumentNumber(DocumentNumber.Kind.MOVE, "MOVE-0A1B2C3D", 0, null));
        assertThat(DocumentNumber.parse(DocumentNumber.count(42)))
                .contains(new DocumentNumber(DocumentNumber.Kind.COUNT, null, 42, null));
    }

    @Test
    void numbersArePrintedPaddedAndTheTransfersWithTheShippingStore() {
        assertThat(DocumentNumber.orderReceipt("PO-000012", 1)).isEqualTo("PO-000012-R1");
        assertThat(DocumentNumber.batchReceipt(123)).isEqualTo("GR-000123");
        assertThat(DocumentNumber.transfer("TR-000007", "depot_ab12cd34")).isEqualTo("TR-000007-AB12CD34");
        assertThat(DocumentNumber.count(42)).isEqualTo("CNT-000042");
        assertThat(DocumentNumber.count(12_345_678)).isEqualTo("CNT-12345678");
    }

    @Test
    void aScanIsReadWhateverItsCaseAndTheSpacesAroundIt() {
        assertThat(DocumentNumber.parse("  tr-000007-ab12cd34\n"))
                .contains(new DocumentNumber(DocumentNumber.Kind.TRANSFER, "TR-000007", 0, "ab12cd34"));
        assertThat(DocumentNumber.parse("TR-000007"))
                .as("a transfer typed without its store")
                .contains(new DocumentNumber(DocumentNumber.Kind.TRANSFER, "TR-000007", 0, null));
        assertThat(DocumentNumber.parse("cnt-42"))
                .contains(new DocumentNumber(DocumentNumber.Kind.COUNT, null, 42, null));
    }

    @Test
    void whatIsNoDocumentNumberNamesNothing() {
        assertThat(DocumentNumber.parse(null)).isEmpty();
        assertThat(DocumentNumber.parse("")).isEmpty();
        assertThat(DocumentNumber.parse("PO-000012"))
                .as("an order is not its receipt")
                .isEmpty();
        assertThat(DocumentNumber.parse("PO-000012-R0")).isEmpty();
        assertThat(DocumentNumber.parse("GR-1234567890123456789"))
                .as("beyond a long")
                .isEmpty();
        assertThat(DocumentNumber.parse("MOVE-XYZ")).isEmpty();
        assertThat(DocumentNumber.parse("TR-000007-AB12")).isEmpty();
        assertThat(DocumentNumber.parse("BATCH-0A1B2C3D4E5F"))
                .as("a batch's own barcode")
                .isEmpty();
        assertThat(DocumentNumber.parse("4780000000120")).isEmpty();
    }
}
