package dev.qcurate.command.config;

import dev.qcurate.command.dispatch.CommandDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Base of the controller slices ({@code @WebMvcTest(controllers = …)} on the subclass): the real security rules and
 * problem+json handlers of {@link WebSliceSecurity}, MockMvc, and a mocked {@link CommandDispatcher} instead of Axon.
 */
@Import(WebSliceSecurity.class)
public abstract class ControllerSliceTest {

    protected static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected CommandDispatcher dispatcher;

    /** Signed in as {@code user} with one {@code role}, the way a verified bearer token would. */
    protected static RequestPostProcessor as(String user, String role) {
        return jwt().jwt(token -> token.subject(user)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** Signed in as the role's own user: {@code editor} for EDITOR. */
    protected static RequestPostProcessor as(String role) {
        return as(role.toLowerCase(), role);
    }

    /** Performs {@code request} signed in as {@code user}, with {@code json} as its body. */
    protected ResultActions performJson(RequestPostProcessor user, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(
                request.with(user).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
