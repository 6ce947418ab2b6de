package dev.kassa.platform.export;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.web.TypedArgumentResolver;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;

/**
 * An export's format as a handler's parameter: {@code ExportFormat format} is read from {@code ?format=} ({@code csv} when
 * absent; anything else than {@code csv} or {@code xlsx} is a 400 naming {@code format}). The OpenAPI shows the query
 * parameter and, for the answer, the two kinds of file.
 */
public class ExportParameters extends TypedArgumentResolver<ExportFormat> implements OperationCustomizer {

    public ExportParameters() {
        super(ExportFormat.class);
    }

    @Override
    protected ExportFormat resolve(NativeWebRequest request) {
        String format = request.getParameter("format");
        if (format == null || format.isBlank()) {
            return ExportFormat.CSV;
        }
        return Coded.of(ExportFormat.class, format.trim())
                .orElseThrow(() -> FieldErrors.single("format", "validation.export_format"));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).noneMatch(this::supportsParameter)) {
            return operation;
        }
        StringSchema formats = new StringSchema();
        Arrays.stream(ExportFormat.values()).forEach(f -> formats.addEnumItem(f.code()));
        formats.setDefault(ExportFormat.CSV.code());
        operation.addParametersItem(new QueryParameter()
                .name("format")
                .description(
                        "The file: csv (UTF-8 with a byte order mark; ; and a decimal comma in Russian, , and a point"
                                + " in English) or xlsx.")
                .required(false)
                .schema(formats));
        Content files = new Content();
        Arrays.stream(ExportFormat.values())
                .forEach(f -> files.addMediaType(
                        f.mediaType().getType() + "/" + f.mediaType().getSubtype(),
                        new MediaType().schema(new BinarySchema())));
        operation
                .getResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("The file, streamed; Content-Disposition names the list, the store and the"
                                        + " period.")
                                .content(files));
        return operation;
    }
}
