package dev.baton.designer.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionCheckTest {

    @Test
    void wellFormedExpressionsPass() {
        assertThat(ExpressionCheck.check("${amount > 100 && approved}")).isNull();
        assertThat(ExpressionCheck.check("= amount > 100")).isNull();
        assertThat(ExpressionCheck.check("plain text")).isNull();
        assertThat(ExpressionCheck.check("")).isNull();
    }

    @Test
    void mistakesAreNamedWithWhere() {
        assertThat(ExpressionCheck.check("${amount > 100")).contains("not closed with '}'");
        assertThat(ExpressionCheck.check("${}")).contains("Empty expression");
        assertThat(ExpressionCheck.check("= (a + b")).contains("'(' not closed");
        assertThat(ExpressionCheck.check("=")).contains("needs something after '='");
        assertThat(ExpressionCheck.check("${name == 'x}")).contains("not closed");
    }
}
