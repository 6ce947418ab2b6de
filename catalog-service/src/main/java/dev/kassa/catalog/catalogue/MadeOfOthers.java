package dev.kassa.catalog.catalogue;

/**
 * Which products are made of others for stock (issue 87 point 2): those with a recipe that are made on sale (a latte),
 * whose stock is what their components allow and whose sale holds and takes the components. A product made ahead (a
 * film, a loaf) is, for stock, a plain product even with a recipe: its stock is its own batches, a sale takes those,
 * and it may be a component of another. The one definition the catalogue's and the inventory's statements use.
 */
public final class MadeOfOthers {

    /** Whether the statement's product {@code p} is made of others. */
    public static final String P = of("p");

    /** Whether the product that is {@code alias} in a statement is made of others: made on sale, with a recipe. */
    public static String of(String alias) {
        return "(" + alias + ".made = 'on_sale' and exists (select 1 from recipe_components mo where mo.product_id = "
                + alias + ".id))";
    }

    private MadeOfOthers() {}
}
