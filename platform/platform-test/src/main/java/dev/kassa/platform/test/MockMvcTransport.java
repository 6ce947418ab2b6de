package dev.kassa.platform.test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Api}'s requests into a web slice's {@link MockMvc}: the same filters, security and controllers, no server. */
record MockMvcTransport(MockMvc mvc) implements Api.Transport {

    @Override
    public Api.Response exchange(
            String method, String path, Map<String, String> headers, byte[] payload, String contentType) {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(HttpMethod.valueOf(method), URI.create(path));
        if (payload != null) {
            request.content(payload).contentType(contentType);
        }
        headers.forEach(request::header);
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            byte[] bytes = response.getContentAsByteArray();
            String text = new String(bytes, StandardCharsets.UTF_8);
            Map<String, List<String>> answered = new LinkedHashMap<>();
            response.getHeaderNames().forEach(name -> answered.put(name, response.getHeaders(name)));
            return new Api.Response(response.getStatus(), Api.parse(text), text, answered, bytes);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed in the web slice", e);
        }
    }
}
