package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.platform.error.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Products' values of attributes ({@code product_attributes}, spec C8, C20), each also as the text a shop shows. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ProductAttributeRepository {

    record ProductValue(
            long id,
            long attribute,
            String attributeName,
            String attributeType,
            String valueText,
            BigDecimal valueNumber,
            Boolean valueBoolean,
            Long valueOption,
            String value,
            Instant createdAt) {}

    private final JdbcClient sql;

    ProductAttributeRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Sets (or replaces) a product's value of an attribute; only the column of the attribute's type is kept. */
    void setProductValue(long product, long attribute, String text, BigDecimal number, Boolean bool, Long option) {
        sql.sql(
                        """
                        insert into product_attributes (product_id, attribute_id, value_text, value_number, value_boolean, value_option_id)
                        values (:product, :attribute, :text, :number, :bool, :option)
                        on conflict (product_id, attribute_id) do update set value_text = excluded.value_text, value_number = excluded.value_number,
                           value_boolean = excluded.value_boolean, value_option_id = excluded.value_option_id
                        """)
                .param("product", product)
                .param("attribute", attribute)
                .param("text", text)
                .param("number", number)
                .param("bool", bool)
                .param("option", option)
                .update();
    }

    /** A product's values, each also as the text a shop shows (a number without trailing zeros, yes/no, the option's name). */
    List<ProductValue> productValues(long product) {
        return sql.sql(
                        """
                        select v.*, a.name as attribute_name, a.type as attribute_type, o.value as option_value
                          from product_attributes v join attributes a on a.id = v.attribute_id
                          left join attribute_values o on o.id = v.value_option_id
                         where v.product_id = :product order by a.sort_order, a.name
                        """)
                .param("product", product)
                .query((rs, i) -> {
                    String type = rs.getString("attribute_type");
                    Boolean bool = (Boolean) rs.getObject("value_boolean");
                    BigDecimal number = rs.getBigDecimal("value_number");
                    String shown =
                            switch (type) {
                                case "number" -> number == null
                                        ? ""
                                        : number.stripTrailingZeros().toPlainString();
                                case "boolean" -> bool == null ? "" : Messages.get(bool ? "catalog.yes" : "catalog.no");
                                case "select", "multiselect" -> rs.getString("option_value");
                                default -> rs.getString("value_text");
                            };
                    return new ProductValue(
                            rs.getLong("id"),
                            rs.getLong("attribute_id"),
                            rs.getString("attribute_name"),
                            type,
                            rs.getString("value_text"),
                            number,
                            bool,
                            (Long) rs.getObject("value_option_id"),
                            shown,
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }
}
