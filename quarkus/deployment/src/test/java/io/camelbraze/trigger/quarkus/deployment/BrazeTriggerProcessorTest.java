/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelbraze.trigger.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelbraze.trigger.model.TriggerRequest;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native-image registrations, checked against the Jandex index the component jar ships (the index Quarkus builds
 * from). A native build itself does not run here: it needs GraalVM or Mandrel, which this build does not have.
 */
class BrazeTriggerProcessorTest {

    private final BrazeTriggerProcessor processor = new BrazeTriggerProcessor();

    @Test
    void registersTheWholeRequestModelForJackson() throws Exception {
        IndexView index = componentIndex();

        ReflectiveClassBuildItem item = processor.modelForJackson(new CombinedIndexBuildItem(index, index));

        assertThat(item.getClassNames()).contains(
                "io.camelbraze.trigger.model.TriggerRequest",
                "io.camelbraze.trigger.model.Recipient",
                "io.camelbraze.trigger.model.UserAlias",
                "io.camelbraze.trigger.model.Attachment",
                "io.camelbraze.trigger.model.Audience",
                "io.camelbraze.trigger.model.SubscriptionState")
                .allMatch(name -> name.startsWith(BrazeTriggerProcessor.MODEL_PACKAGE + "."));
        assertThat(item.isConstructors()).isTrue();
        assertThat(item.isMethods()).isTrue();
        assertThat(item.isFields()).isTrue();
    }

    @Test
    void everyNativeResourceExistsInTheComponent() {
        assertThat(processor.resources().getResources()).isNotEmpty()
                .allSatisfy(name -> assertThat(TriggerRequest.class.getClassLoader().getResource(name)).as(name).isNotNull());
    }

    /** META-INF/jandex.idx of the component, from its jar or (in an IDE) its classes folder. */
    private static IndexView componentIndex() throws IOException, URISyntaxException {
        Path location = Path.of(TriggerRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return read(location.resolve("META-INF/jandex.idx"));
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return read(jar.getPath("META-INF/jandex.idx"));
        }
    }

    private static IndexView read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new IndexReader(in).read();
        }
    }
}
