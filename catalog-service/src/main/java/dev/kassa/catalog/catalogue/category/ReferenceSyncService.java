package dev.kassa.catalog.catalogue.category;

import dev.kassa.catalog.catalogue.unit.UnitRepository;
import dev.kassa.catalog.catalogue.unit.UnitView;
import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Delta sync of the categories and units for offline tills (issue 38, part 5), as the products' ({@code ProductSyncService}): the
 * rows changed since a cursor as their endpoints show them and the ids of those deleted, a page at a time.
 */
@Service
class ReferenceSyncService {

    @Schema(name = "CategorySyncPage")
    record Categories(
            List<CategoryService.CategoryResponse> categories,
            List<Long> deleted,
            String nextCursor,
            boolean hasMore) {}

    @Schema(name = "UnitSyncPage")
    record Units(List<UnitView> units, List<Long> deleted, String nextCursor, boolean hasMore) {}

    private final ReferenceChangeRepository changes;
    private final CategoryService categories;
    private final UnitRepository units;

    ReferenceSyncService(ReferenceChangeRepository changes, CategoryService categories, UnitRepository units) {
        this.changes = changes;
        this.categories = categories;
        this.units = units;
    }

    @Transactional(readOnly = true)
    ChangeFeed.Answer<Categories> categories(String cursor, int limit) {
        ChangeFeed.Page page = changes.categories(ChangeFeed.Cursor.parse(cursor), limit);
        return new ChangeFeed.Answer<>(
                new Categories(
                        categories.views(page.changed()),
                        page.deleted(),
                        page.next().text(),
                        page.hasMore()),
                page);
    }

    @Transactional(readOnly = true)
    ChangeFeed.Answer<Units> units(String cursor, int limit) {
        ChangeFeed.Page page = changes.units(ChangeFeed.Cursor.parse(cursor), limit);
        return new ChangeFeed.Answer<>(
                new Units(
                        units.findAll(page.changed()).stream().map(UnitView::of).toList(),
                        page.deleted(),
                        page.next().text(),
                        page.hasMore()),
                page);
    }
}
