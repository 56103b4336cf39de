/** Deleting a company cannot be undone and unlinks it from its events: say so, with the count. */
import type { CompanyRow } from '../../../../shared/api'
import { api } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { plural } from '../../components/format'

interface Props {
  company: CompanyRow
  onClose: () => void
  onDeleted: (unlinkedEvents: number) => void
}

export function DeleteCompanyDialog({ company, onClose, onDeleted }: Props) {
  return (
    <ConfirmDialog
      title="Delete company"
      confirmLabel="Delete"
      danger
      onClose={onClose}
      onConfirm={async () => {
        const r = await api['companies:delete']({ id: company.id })
        onDeleted(r.unlinkedEvents)
      }}
    >
      <p>
        Delete <strong>{company.name}</strong>?{' '}
        {company.eventCount > 0
          ? `It is linked to ${plural(company.eventCount, 'event')}; ${company.eventCount === 1 ? 'that event stays but is' : 'those events stay but are'} unlinked from it.`
          : 'No event links it.'}{' '}
        This cannot be undone.
      </p>
    </ConfirmDialog>
  )
}
