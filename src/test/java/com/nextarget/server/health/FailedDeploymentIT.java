package com.nextarget.server.health;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.testing.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedDeploymentIT {

    @Test
    void serverWhoseApplicationFailsToDeployExitsInsteadOfAnsweringHealth() {
        // an unusable DATABASE_URL makes the deployment fail; Payara Micro alone would keep running without the app
        assertThatThrownBy(() -> RunningServer.start("failed-deployment", Map.of("DATABASE_URL", "mysql://db/app")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the server exited with 1")
                .hasMessageContaining("the application did not deploy");
    }
}
