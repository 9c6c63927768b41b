package dev.qcurate.command.importing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportControllerTest {

    @Test
    void namesTheListAfterTheDocumentWithoutExtension() {
        assertThat(ImportController.defaultListName("000_0f91697fe15f572d.txt")).isEqualTo("000_0f91697fe15f572d");
        assertThat(ImportController.defaultListName("Python Q&A (2).md")).isEqualTo("Python Q-A -2-");
        assertThat(ImportController.defaultListName(".hidden")).isEqualTo("hidden");
    }

    @Test
    void keepsOnlyTheFileNameOfTheSource() {
        assertThat(ImportController.documentName(" notes/python.md ")).isEqualTo("python.md");
        assertThat(ImportController.documentName("C:\\notes\\python.md")).isEqualTo("python.md");
        assertThatThrownBy(() -> ImportController.documentName("folder/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesStrictlyAsUtf8UnlessACharsetIsNamed() {
        byte[] windows1252 = {'W', 'h', 'a', 't', (byte) 0x92, 's', '?'};

        assertThat(ImportController.decode("What’s?".getBytes(StandardCharsets.UTF_8), "text/markdown"))
                .isEqualTo("What’s?");
        assertThatThrownBy(() -> ImportController.decode(windows1252, "text/markdown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at byte 4");
        assertThat(ImportController.decode(windows1252, "text/plain; charset=windows-1252"))
                .isEqualTo("What’s?");
    }
}
