package com.chairside.reporting.meeting.web;

import java.awt.Color;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;

/**
 * Bar charts drawn straight onto a PDF page, readable without the numbers: the bars carry the picture, their captions
 * the figures. Coordinates are PDF points from the bottom left.
 */
final class Charts {

	static final Color INK = new Color(40, 40, 40);

	static final Color GRID = new Color(190, 190, 190);

	private final PdfContentByte canvas;

	private final BaseFont font;

	private final BaseFont bold;

	Charts(PdfContentByte canvas, BaseFont font, BaseFont bold) {
		this.canvas = canvas;
		this.font = font;
		this.bold = bold;
	}

	/** One bar: its label, its length in the chart's unit, colour and the caption written after it. */
	record Bar(String label, double value, Color colour, String caption) {
	}

	/** One column of stacked parts, with the label under it. */
	record Column(String label, List<Double> parts) {
	}

	void title(float x, float y, String text, float size) {
		text(x, y, text, size, this.bold, PdfContentByte.ALIGN_LEFT);
	}

	void text(float x, float y, String text, float size) {
		text(x, y, text, size, this.font, PdfContentByte.ALIGN_LEFT);
	}

	/**
	 * Horizontal bars under a title, scaled so that {@code max} fills {@code width}; {@code reference} (e.g. 100 %)
	 * is drawn as a dashed line when positive. Returns the y below the chart.
	 */
	float horizontalBars(float x, float y, float width, String title, List<Bar> bars, double max, double reference,
			boolean centred) {
		title(x, y, title, 12);
		float labelWidth = 120;
		float barHeight = 16;
		float top = y - 22;
		double scale = (max > 0) ? (width - labelWidth - 10) / max : 0;
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			float by = top - i * (barHeight + 8) - barHeight;
			text(x, by + 4, bar.label(), 9);
			float length = (float) Math.max(0, Math.min(bar.value(), max * 1.5) * scale);
			float bx = centred ? x + labelWidth + (float) ((max * scale - length) / 2) : x + labelWidth;
			this.canvas.setColorFill(bar.colour());
			this.canvas.rectangle(bx, by, Math.max(length, 1), barHeight);
			this.canvas.fill();
			this.canvas.setColorFill(INK);
			text(Math.min(bx + length + 4, x + width + 40), by + 4, bar.caption(), 8);
		}
		float bottom = top - bars.size() * (barHeight + 8);
		if (reference > 0 && scale > 0) {
			float rx = x + labelWidth + (float) (reference * scale);
			this.canvas.setColorStroke(INK);
			this.canvas.setLineDash(3, 2, 0);
			this.canvas.moveTo(rx, top + 2);
			this.canvas.lineTo(rx, bottom + 4);
			this.canvas.stroke();
			this.canvas.setLineDash(0);
		}
		return bottom - 16;
	}

	/** Stacked columns with a legend, scaled so that the tallest fills {@code height}. Returns the y below the chart. */
	float stackedColumns(float x, float y, float width, float height, String title, List<String> legend,
			List<Color> colours, List<Column> columns) {
		title(x, y, title, 12);
		float base = y - 30 - height;
		double max = columns.stream().mapToDouble((c) -> c.parts().stream().mapToDouble(Double::doubleValue).sum()).max()
			.orElse(0);
		this.canvas.setColorStroke(GRID);
		this.canvas.moveTo(x, base);
		this.canvas.lineTo(x + width, base);
		this.canvas.stroke();
		if (columns.isEmpty() || max <= 0) {
			text(x, base + 10, "nothing open", 9);
		}
		else {
			float slot = width / columns.size();
			float columnWidth = Math.min(40, slot * 0.6f);
			for (int i = 0; i < columns.size(); i++) {
				Column column = columns.get(i);
				float cx = x + i * slot + (slot - columnWidth) / 2;
				float cy = base;
				for (int p = 0; p < column.parts().size(); p++) {
					float h = (float) (column.parts().get(p) / max * height);
					this.canvas.setColorFill(colours.get(p));
					this.canvas.rectangle(cx, cy, columnWidth, h);
					this.canvas.fill();
					cy += h;
				}
				this.canvas.setColorFill(INK);
				text(cx, base - 11, column.label(), 7);
			}
		}
		float lx = x;
		for (int i = 0; i < legend.size(); i++) {
			this.canvas.setColorFill(colours.get(i));
			this.canvas.rectangle(lx, base - 28, 8, 8);
			this.canvas.fill();
			this.canvas.setColorFill(INK);
			text(lx + 11, base - 27, legend.get(i), 8);
			lx += 90;
		}
		return base - 44;
	}

	private void text(float x, float y, String text, float size, BaseFont font, int align) {
		this.canvas.beginText();
		this.canvas.setFontAndSize(font, size);
		this.canvas.showTextAligned(align, (text != null) ? text : "", x, y, 0);
		this.canvas.endText();
	}

}
