import {
	closestCenter,
	DndContext,
	KeyboardSensor,
	PointerSensor,
	TouchSensor,
	useSensor,
	useSensors,
	type DragEndEvent,
} from '@dnd-kit/core'
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { useTranslation } from 'react-i18next'
import type { TimelineItem } from '~/studio/spec/edit-spec.ts'
import { itemSeconds } from '~/studio/spec/timing.ts'
import { formatSeconds } from '~/studio/edits/time-format.ts'

// The edit's items in order. Dragging reorders on desktop and phone (a short
// press starts the drag so that the list still scrolls); the up and down
// buttons do the same for keyboards, screen readers and unsteady thumbs.

const itemKeys = new WeakMap<TimelineItem, string>()
let nextKey = 0
/** A stable id per item object: moving keeps the object, so a drag keeps its row. */
function keyOf(item: TimelineItem) {
	let key = itemKeys.get(item)
	if (!key) {
		key = `item-${nextKey++}`
		itemKeys.set(item, key)
	}
	return key
}

type Props = {
	items: TimelineItem[]
	mediaNames: Record<string, string>
	selected: number | null
	canEdit: boolean
	onSelect: (index: number) => void
	onMove: (from: number, to: number) => void
	onRemove: (index: number) => void
}

export function TimelineList({ items, mediaNames, selected, canEdit, onSelect, onMove, onRemove }: Props) {
	const sensors = useSensors(
		useSensor(PointerSensor, { activationConstraint: { distance: 8 } }),
		useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
		useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
	)
	const keys = items.map(keyOf)
	const handleDragEnd = ({ active, over }: DragEndEvent) => {
		if (!over || active.id === over.id) return
		onMove(keys.indexOf(String(active.id)), keys.indexOf(String(over.id)))
	}
	return (
		<DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={handleDragEnd}>
			<SortableContext items={keys} strategy={verticalListSortingStrategy} disabled={!canEdit}>
				<ol className="space-y-2" data-testid="timeline">
					{items.map((item, index) => (
						<TimelineRow
							key={keys[index]}
							id={keys[index]}
							item={item}
							index={index}
							count={items.length}
							name={item.label || ('mediaId' in item ? mediaNames[item.mediaId] : undefined)}
							isSelected={selected === index}
							canEdit={canEdit}
							onSelect={onSelect}
							onMove={onMove}
							onRemove={onRemove}
						/>
					))}
				</ol>
			</SortableContext>
		</DndContext>
	)
}

type RowProps = {
	id: string
	item: TimelineItem
	index: number
	count: number
	name: string | undefined
	isSelected: boolean
	canEdit: boolean
	onSelect: (index: number) => void
	onMove: (from: number, to: number) => void
	onRemove: (index: number) => void
}

function TimelineRow({ id, item, index, count, name, isSelected, canEdit, onSelect, onMove, onRemove }: RowProps) {
	const { t } = useTranslation('studio-screen')
	const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id })
	const style = {
		transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined,
		transition,
	}
	const title = item.type === 'title' ? item.lines.join(' · ') : (name ?? t('timeline.untitled'))
	return (
		<li
			ref={setNodeRef}
			style={style}
			className={`flex items-center gap-2 rounded-lg border bg-white p-2 ${isSelected ? 'border-tea-500 ring-2 ring-tea-500/30' : 'border-stone-200'} ${isDragging ? 'z-10 shadow-lg' : ''}`}
			data-testid="timeline-item"
		>
			{canEdit ? (
				<button
					type="button"
					className="flex h-11 w-8 shrink-0 cursor-grab touch-none items-center justify-center rounded text-stone-400 hover:bg-stone-100"
					aria-label={t('timeline.dragHandle', { n: index + 1 })}
					{...attributes}
					{...listeners}
				>
					⋮⋮
				</button>
			) : null}
			<button type="button" className="flex min-w-0 flex-1 items-center gap-3 text-left" onClick={() => onSelect(index)} aria-pressed={isSelected}>
				<ItemThumb item={item} />
				<span className="min-w-0 flex-1">
					<span className="block font-medium break-words" title={title}>
						{index + 1}. {title}
					</span>
					<span className="block text-sm text-stone-500">
						{t(`timeline.kinds.${item.type}`)} · {formatSeconds(itemSeconds(item))}
					</span>
				</span>
			</button>
			{canEdit ? (
				<span className="flex shrink-0 items-center">
					<button
						type="button"
						className="h-11 w-9 rounded text-lg hover:bg-stone-100 disabled:opacity-30"
						onClick={() => onMove(index, index - 1)}
						disabled={index === 0}
						aria-label={t('timeline.moveUp', { n: index + 1 })}
					>
						↑
					</button>
					<button
						type="button"
						className="h-11 w-9 rounded text-lg hover:bg-stone-100 disabled:opacity-30"
						onClick={() => onMove(index, index + 1)}
						disabled={index === count - 1}
						aria-label={t('timeline.moveDown', { n: index + 1 })}
					>
						↓
					</button>
					<button
						type="button"
						className="h-11 w-9 rounded text-lg text-red-700 hover:bg-red-50"
						onClick={() => onRemove(index)}
						aria-label={t('timeline.remove', { n: index + 1 })}
					>
						×
					</button>
				</span>
			) : null}
		</li>
	)
}

function ItemThumb({ item }: { item: TimelineItem }) {
	if (item.type === 'title') {
		return (
			<span
				className="flex h-12 w-12 shrink-0 items-center justify-center rounded text-xs font-bold"
				style={{ backgroundColor: item.backgroundColor, color: item.textColor }}
				aria-hidden
			>
				Aa
			</span>
		)
	}
	return <img src={`/library/${item.mediaId}/thumb`} alt="" className="h-12 w-12 shrink-0 rounded bg-stone-200 object-cover" loading="lazy" />
}
