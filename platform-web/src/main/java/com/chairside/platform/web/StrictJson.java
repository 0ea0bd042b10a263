package com.chairside.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * HTTP bodies are read strictly where leniency would let hostile input through: a key that MongoDB would take for
 * an operator or a path ({@code $where}, {@code status.$}, a NUL) is refused instead of silently ignored, and a number
 * or boolean is not turned into text ({@code "postalCodePrefix": true} is a client's mistake, not {@code "TRUE"}).
 */
public final class StrictJson {

	/**
	 * ISO dates of years 0000 to 9999 only: {@code +999999999-12-31} is a valid ISO date, but no delivery or target
	 * date, and beyond what the store's dates hold.
	 */
	private static final DateTimeFormatter FOUR_DIGIT_YEARS = new DateTimeFormatterBuilder()
		.appendValue(ChronoField.YEAR, 4)
		.appendLiteral('-')
		.appendValue(ChronoField.MONTH_OF_YEAR, 2)
		.appendLiteral('-')
		.appendValue(ChronoField.DAY_OF_MONTH, 2)
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	private StrictJson() {
	}

	/**
	 * The JSON converter of HTTP bodies: the application's mapper, read strictly. Only HTTP: events and documents keep
	 * the application's mapper as it is.
	 */
	public static JacksonJsonHttpMessageConverter httpConverter(JsonMapper application) {
		JsonMapper.Builder builder = application.rebuild();
		strict(builder);
		return new JacksonJsonHttpMessageConverter(builder.build());
	}

	static void strict(JsonMapper.Builder builder) {
		builder.addHandler(new OperatorKeys());
		// A date or a moment is text on the wire: the java.time readers would take a bare number for days, seconds or
		// milliseconds since 1970 (12345 stored as 1970-01-01T03:25:45Z), and the coercion settings below do not
		// reach them for moments.
		builder.addModule(new SimpleModule("chairside-strict-json").addKeyDeserializer(String.class, new MapKeys())
			.addDeserializer(LocalDate.class, new TextOnly<>(LocalDate.class, new LocalDateDeserializer(FOUR_DIGIT_YEARS)))
			.addDeserializer(LocalDateTime.class, new TextOnly<>(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE))
			.addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT))
			.addDeserializer(OffsetDateTime.class, new TextOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME))
			.addDeserializer(ZonedDateTime.class, new TextOnly<>(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME)));
		builder.withCoercionConfig(LogicalType.DateTime, (date) -> date.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Textual, (text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	static boolean isOperatorOrPath(String name) {
		return name.startsWith("$") || name.indexOf('.') >= 0 || name.indexOf('\0') >= 0;
	}

	/** Reads a date or moment only from a JSON string; any other token is the client's mistake (400). */
	static final class TextOnly<T> extends ValueDeserializer<T> {

		private final Class<T> type;

		private final ValueDeserializer<? extends T> text;

		TextOnly(Class<T> type, ValueDeserializer<? extends T> text) {
			this.type = type;
			this.text = text;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (T) context.handleUnexpectedToken(this.type, parser);
			}
			return this.text.deserialize(parser, context);
		}

		@Override
		public Class<?> handledType() {
			return this.type;
		}

	}

	/** Refuses such keys in maps ({@code "options": {"$where": [...]}}), which would otherwise be stored as they are. */
	static final class MapKeys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			if (isOperatorOrPath(key)) {
				throw context.weirdKeyException(String.class, key, "a key may not start with '$' or contain '.'");
			}
			return key;
		}

	}

	/** Refuses unknown keys that would mean something to MongoDB; other unknown keys stay ignored. */
	static final class OperatorKeys extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String name) throws JacksonException {
			if (isOperatorOrPath(name)) {
				throw UnrecognizedPropertyException.from(parser, beanOrClass, name, null);
			}
			return false;
		}

	}

}
