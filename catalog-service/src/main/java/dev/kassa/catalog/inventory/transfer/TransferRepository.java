package dev.kassa.catalog.inventory.transfer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.web.JdbcPages;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every statement on {@code transfers}, {@code transfer_lines} and {@code transfer_parts}. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TransferRepository {

    /** A transfer as this store keeps it, with its lines' sums: its answer shows it (not the source's id of a copy). */
    @Schema(name = "TransferRow")
    record Row(
            long id,
            String number,
            @Schema(implementation = String.class) Direction direction,
            String fromStore,
            String toStore,
            @JsonIgnore Long sourceId,
            @Schema(implementation = String.class) TransferStatus status,
            String notes,
            Long createdBy,
            Instant createdAt,
            Long shippedBy,
            Instant shippedAt,
            Instant finishedAt,
            int lineCount,
            BigDecimal quantity,
            BigDecimal shippedQuantity,
            BigDecimal receivedQuantity,
            BigDecimal lostQuantity,
            BigDecimal shippedCost,
            BigDecimal lostValue) {}

    /**
     * What a line moves: its product here (null at a destination without it), the source's line (at the destination),
     * the product as the source named it, how many were asked and shipped. Written as a new line, shown in a line.
     */
    @Schema(name = "TransferGoods")
    record Goods(
            @JsonProperty("product") Long productId,
            @JsonIgnore Long sourceLineId,
            String name,
            String sku,
            String barcode,
            BigDecimal quantity,
            BigDecimal shippedQuantity) {}

    /** A line: its number, its goods, and how many were received and lost (and their value at the source's cost). */
    @Schema(name = "TransferLineRow")
    record Line(
            long id,
            int lineNo,
            @JsonUnwrapped Goods goods,
            BigDecimal receivedQuantity,
            BigDecimal lostQuantity,
            BigDecimal lostValue) {

        /** Shipped and neither received nor lost yet. */
        BigDecimal remaining() {
            return goods.shippedQuantity()
                    .subtract(receivedQuantity)
                    .subtract(lostQuantity)
                    .max(BigDecimal.ZERO);
        }
    }

    /** What left one of the source's batches for a line, and how much of it the destination has taken in. */
    record Part(
            long id,
            long lineId,
            int partNo,
            Long sourceBatchId,
            Long batchId,
            BigDecimal quantity,
            BigDecimal receivedQuantity,
            BigDecimal costPrice,
            String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate) {}

    /** A part to write for a line (by the line's number). */
    record NewPart(
            int lineNo,
            Long sourceBatchId,
            BigDecimal quantity,
            BigDecimal costPrice,
            String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate) {}

    /** A change of a line's received and lost quantities. */
    record LineChange(long lineId, BigDecimal received, BigDecimal lost, BigDecimal lostValue) {}

    /** A part taken in (partly) into a new batch. */
    record PartChange(long partId, BigDecimal received, long batchId) {}

    private static final String SELECT =
            """
            select t.*, s.*
              from transfers t,
                   lateral (select count(*) as line_count, coalesce(sum(l.quantity), 0) as quantity,
                                   coalesce(sum(l.shipped_quantity), 0) as shipped, coalesce(sum(l.received_quantity), 0) as received,
                                   coalesce(sum(l.lost_quantity), 0) as lost, coalesce(sum(l.lost_value), 0) as lost_value,
                                   (select coalesce(sum(round(p.quantity * p.cost_price, 2)), 0) from transfer_parts p
                                      join transfer_lines x on x.id = p.line_id where x.transfer_id = t.id) as shipped_cost
                              from transfer_lines l where l.transfer_id = t.id) s""";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getString("number"),
            Direction.of(rs.getString("direction")),
            rs.getString("from_store"),
            rs.getString("to_store"),
            (Long) rs.getObject("source_id"),
            TransferStatus.of(rs.getString("status")),
            rs.getString("notes"),
            (Long) rs.getObject("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            (Long) rs.getObject("shipped_by"),
            instant(rs.getTimestamp("shipped_at")),
            instant(rs.getTimestamp("finished_at")),
            rs.getInt("line_count"),
            rs.getBigDecimal("quantity"),
            rs.getBigDecimal("shipped"),
            rs.getBigDecimal("received"),
            rs.getBigDecimal("lost"),
            rs.getBigDecimal("shipped_cost"),
            rs.getBigDecimal("lost_value"));

    private final JdbcClient sql;

    TransferRepository(JdbcClient sql) {
        this.sql = sql;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A new outgoing draft with the next number of the store ({@code TR-000001}, from a sequence). */
    long createOutgoing(String fromStore, String toStore, String notes, Long by) {
        return sql.sql(
                        """
                        insert into transfers (number, direction, status, from_store, to_store, notes, created_by)
                        values ('TR-' || lpad(nextval('transfer_numbers')::text, 6, '0'), :direction, :status,
                                :from, :to, :notes, :by)
                        returning id
                        """)
                .param("direction", Direction.OUT.code())
                .param("status", TransferStatus.DRAFT.code())
                .param("from", fromStore)
                .param("to", toStore)
                .param("notes", notes)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /** The destination's copy of a shipped transfer; empty when it has it already (the event came again). */
    Optional<Long> createIncoming(
            String number,
            String fromStore,
            String toStore,
            long sourceId,
            String notes,
            Long shippedBy,
            Instant shippedAt) {
        return sql.sql(
                        """
                        insert into transfers (number, direction, from_store, to_store, source_id, status, notes, shipped_by, shipped_at)
                        values (:number, :direction, :from, :to, :source, :status, :notes, :by, :at)
                        on conflict (from_store, source_id) where direction = 'in' do nothing
                        returning id
                        """)
                .param("number", number)
                .param("direction", Direction.IN.code())
                .param("status", TransferStatus.SHIPPED.code())
                .param("from", fromStore)
                .param("to", toStore)
                .param("source", sourceId)
                .param("notes", notes)
                .param("by", shippedBy)
                .param("at", Timestamp.from(shippedAt))
                .query(Long.class)
                .optional();
    }

    /** Writes the lines' goods (numbered from 1) and their parts; answers the lines' ids in order. */
    List<Long> insertLines(long transferId, List<Goods> lines, List<NewPart> parts) {
        List<Long> ids = sql.sql(
                        """
                        insert into transfer_lines (transfer_id, line_no, product_id, source_line_id, name, sku, barcode, quantity, shipped_quantity)
                        select :transfer, n, p, s, name, sku, code, q, shipped
                          from unnest(cast(:products as bigint[]), cast(:sources as bigint[]), cast(:names as varchar[]),
                                      cast(:skus as varchar[]), cast(:barcodes as varchar[]), cast(:quantities as numeric[]),
                                      cast(:shipped as numeric[])) with ordinality as l(p, s, name, sku, code, q, shipped, n)
                         order by n
                        returning id
                        """)
                .param("transfer", transferId)
                .param("products", SqlArrays.texts(lines, Goods::productId))
                .param("sources", SqlArrays.texts(lines, Goods::sourceLineId))
                .param("names", SqlArrays.texts(lines, Goods::name))
                .param("skus", SqlArrays.texts(lines, Goods::sku))
                .param("barcodes", SqlArrays.texts(lines, Goods::barcode))
                .param("quantities", SqlArrays.texts(lines, Goods::quantity))
                .param("shipped", SqlArrays.texts(lines, Goods::shippedQuantity))
                .query(Long.class)
                .list();
        insertParts(transferId, parts);
        return ids;
    }

    /** Writes parts of the transfer's lines, each line named by its number. */
    void insertParts(long transferId, List<NewPart> parts) {
        if (parts.isEmpty()) {
            return;
        }
        sql.sql(
                        """
                        insert into transfer_parts (line_id, part_no, source_batch_id, quantity, cost_price, batch_number,
                                                    manufacturing_date, expiry_date)
                        select l.id, row_number() over (partition by l.id order by x.n), x.b, x.q, x.c, x.num, x.made, x.exp
                          from unnest(cast(:lines as int[]), cast(:batches as bigint[]), cast(:quantities as numeric[]),
                                      cast(:costs as numeric[]), cast(:numbers as varchar[]), cast(:made as date[]),
                                      cast(:expiry as date[])) with ordinality as x(line_no, b, q, c, num, made, exp, n)
                          join transfer_lines l on l.transfer_id = :transfer and l.line_no = x.line_no
                        """)
                .param("transfer", transferId)
                .param("lines", SqlArrays.texts(parts, NewPart::lineNo))
                .param("batches", SqlArrays.texts(parts, NewPart::sourceBatchId))
                .param("quantities", SqlArrays.texts(parts, NewPart::quantity))
                .param("costs", SqlArrays.texts(parts, NewPart::costPrice))
                .param("numbers", SqlArrays.texts(parts, NewPart::batchNumber))
                .param("made", SqlArrays.texts(parts, NewPart::manufacturingDate))
                .param("expiry", SqlArrays.texts(parts, NewPart::expiryDate))
                .update();
    }

    /** Locks the transfer for a change; answers whether there is one. */
    private boolean lock(long id) {
        return sql.sql("select id from transfers where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** The transfer with its lines and parts, locked until the transaction ends (one change of it at a time). */
    Optional<Transfer> load(long id) {
        return lock(id) ? Optional.of(new Transfer(find(id).orElseThrow(), lines(id), parts(id))) : Optional.empty();
    }

    Optional<Row> find(long id) {
        return sql.sql(SELECT + " where t.id = :id").param("id", id).query(ROW).optional();
    }

    /** Transfers newest first: leaving this store ({@code out}) or coming to it ({@code in}), in a status. */
    Page<Row> page(Direction direction, TransferStatus status, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from transfers t",
                """
                where (cast(:direction as text) is null or t.direction = :direction)
                  and (cast(:status as text) is null or t.status = :status)""",
                "t.created_at desc, t.id desc",
                q -> q.param("direction", direction == null ? null : direction.code())
                        .param("status", status == null ? null : status.code()),
                ROW,
                page);
    }

    List<Line> lines(long transferId) {
        return sql.sql("select * from transfer_lines where transfer_id = :id order by line_no")
                .param("id", transferId)
                .query((rs, i) -> new Line(
                        rs.getLong("id"),
                        rs.getInt("line_no"),
                        new Goods(
                                (Long) rs.getObject("product_id"),
                                (Long) rs.getObject("source_line_id"),
                                rs.getString("name"),
                                rs.getString("sku"),
                                rs.getString("barcode"),
                                rs.getBigDecimal("quantity"),
                                rs.getBigDecimal("shipped_quantity")),
                        rs.getBigDecimal("received_quantity"),
                        rs.getBigDecimal("lost_quantity"),
                        rs.getBigDecimal("lost_value")))
                .list();
    }

    /** The transfer's parts, by line and in the order they left. */
    List<Part> parts(long transferId) {
        return sql.sql(
                        """
                        select p.* from transfer_parts p join transfer_lines l on l.id = p.line_id
                         where l.transfer_id = :id order by l.line_no, p.part_no
                        """)
                .param("id", transferId)
                .query((rs, i) -> new Part(
                        rs.getLong("id"),
                        rs.getLong("line_id"),
                        rs.getInt("part_no"),
                        (Long) rs.getObject("source_batch_id"),
                        (Long) rs.getObject("batch_id"),
                        rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("received_quantity"),
                        rs.getBigDecimal("cost_price"),
                        rs.getString("batch_number"),
                        rs.getObject("manufacturing_date", LocalDate.class),
                        rs.getObject("expiry_date", LocalDate.class)))
                .list();
    }

    /** The status; {@code shipped} records who shipped and when, a final status when it finished. */
    void status(long id, TransferStatus status, Long by) {
        sql.sql(
                        """
                        update transfers set status = :status, updated_at = now(),
                               shipped_by = case when :shipped then cast(:by as bigint) else shipped_by end,
                               shipped_at = case when :shipped then now() else shipped_at end,
                               finished_at = case when :finished then now() else finished_at end
                         where id = :id
                        """)
                .param("id", id)
                .param("status", status.code())
                .param("shipped", status == TransferStatus.SHIPPED)
                .param("finished", status.isFinal())
                .param("by", by)
                .update();
    }

    /** The lines' shipped quantities: all they asked for. */
    void shipAll(long transferId) {
        sql.sql("update transfer_lines set shipped_quantity = quantity where transfer_id = :id")
                .param("id", transferId)
                .update();
    }

    /** Adds to the parts' received quantities, each with the batch it went into, in one statement. */
    void partsReceived(List<PartChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        sql.sql(
                        """
                        update transfer_parts p set received_quantity = p.received_quantity + c.q, batch_id = c.batch
                          from unnest(cast(:ids as bigint[]), cast(:quantities as numeric[]), cast(:batches as bigint[]))
                               as c(id, q, batch)
                         where p.id = c.id
                        """)
                .param("ids", SqlArrays.texts(changes, PartChange::partId))
                .param("quantities", SqlArrays.texts(changes, PartChange::received))
                .param("batches", SqlArrays.texts(changes, PartChange::batchId))
                .update();
    }

    /** Adds to the lines' received and lost quantities, in one statement (a source's lines by the ids the event names). */
    void linesReceived(List<LineChange> changes) {
        sql.sql(
                        """
                        update transfer_lines l set received_quantity = l.received_quantity + c.received,
                               lost_quantity = l.lost_quantity + c.lost, lost_value = l.lost_value + c.value
                          from unnest(cast(:ids as bigint[]), cast(:received as numeric[]), cast(:lost as numeric[]),
                                      cast(:values as numeric[])) as c(id, received, lost, value)
                         where l.id = c.id
                        """)
                .param("ids", SqlArrays.texts(changes, LineChange::lineId))
                .param("received", SqlArrays.texts(changes, LineChange::received))
                .param("lost", SqlArrays.texts(changes, LineChange::lost))
                .param("values", SqlArrays.texts(changes, LineChange::lostValue))
                .update();
    }
}
